// 14-sync-group.ts: SyncGroup (key 14), versions 0-5. v3 adds groupInstanceId, v4 flexible, v5 echoes
// protocolType/protocolName for validation (KIP-559). Differences from Kafka: none known.
import { ApiKey } from '../../protocol/api-keys'
import { readSyncGroupRequest, writeSyncGroupResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  read: readSyncGroupRequest,
  write: writeSyncGroupResponse,
  handle: async (req, ctx) => {
    const result = await ctx.broker.groups.sync(req)
    return { throttleTimeMs: 0, ...result }
  },
})
