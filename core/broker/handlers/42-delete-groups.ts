// 42-delete-groups.ts: DeleteGroups (key 42), versions 0-2 (v2 flexible). Only Empty groups can go
// (NON_EMPTY_GROUP otherwise, GROUP_ID_NOT_FOUND when unknown); their committed offsets go with them.
import { ApiKey } from '../../protocol/api-keys'
import { readDeleteGroupsRequest, writeDeleteGroupsResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  read: readDeleteGroupsRequest,
  write: writeDeleteGroupsResponse,
  handle: (req, ctx) => ({ throttleTimeMs: 0, results: ctx.broker.groups.deleteGroups(req.groupsNames) }),
})
