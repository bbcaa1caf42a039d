// 13-leave-group.ts: LeaveGroup (key 13), versions 0-5. v3 batches members and names static members by
// instance id (KIP-345), v4 flexible, v5 a reason. Before v3 the one member's error is the top-level error.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readLeaveGroupRequest, writeLeaveGroupResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  read: readLeaveGroupRequest,
  write: writeLeaveGroupResponse,
  handle: (req, ctx) => {
    if (ctx.header.apiVersion >= 3) {
      const result = ctx.broker.groups.leave(req.groupId, req.members)
      return { throttleTimeMs: 0, errorCode: result.errorCode, members: result.members }
    }
    const result = ctx.broker.groups.leave(req.groupId, [{ memberId: req.memberId, groupInstanceId: null }])
    const errorCode = result.errorCode !== ErrorCode.NONE ? result.errorCode : result.members[0]?.errorCode ?? ErrorCode.NONE
    return { throttleTimeMs: 0, errorCode, members: [] }
  },
})
