// 12-heartbeat.ts: Heartbeat (key 12), versions 0-4. v3 adds groupInstanceId; v4 is flexible. Differences from Kafka: none.
import { ApiKey } from '../../protocol/api-keys'
import { readHeartbeatRequest, writeHeartbeatResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  read: readHeartbeatRequest,
  write: writeHeartbeatResponse,
  handle: (req, ctx) => ({ throttleTimeMs: 0, errorCode: ctx.broker.groups.heartbeat(req) }),
})
