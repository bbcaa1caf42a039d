// 16-list-groups.ts: ListGroups (key 16), versions 0-4. v3 flexible, v4 a states filter (KIP-518).
// Groups that only have committed offsets are listed as Empty. Capped at 4: v5's group types are KIP-848.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readListGroupsRequest, writeListGroupsResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 4,
  read: readListGroupsRequest,
  write: writeListGroupsResponse,
  handle: (req, ctx) => ({
    throttleTimeMs: 0,
    errorCode: ErrorCode.NONE,
    groups: ctx.broker.groups.listGroups(req.statesFilter).map((g) => ({
      groupId: g.groupId, protocolType: g.protocolType, groupState: g.state, groupType: 'classic',
    })),
  }),
})
