// 47-offset-delete.ts: OffsetDelete (key 47), version 0 (KIP-496). Offsets of topics the live group still
// subscribes to stay (GROUP_SUBSCRIBED_TO_TOPIC); unknown topics get UNKNOWN_TOPIC_OR_PARTITION.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readOffsetDeleteRequest, writeOffsetDeleteResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  read: readOffsetDeleteRequest,
  write: writeOffsetDeleteResponse,
  handle: (req, ctx) => {
    const known = req.topics.filter((t) => ctx.broker.topics.get(t.name) !== undefined)
    const result = ctx.broker.groups.deleteOffsets(req.groupId,
      known.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex }))))
    if (result.errorCode !== ErrorCode.NONE) return { errorCode: result.errorCode, throttleTimeMs: 0, topics: [] }
    const errors = new Map(result.partitions.map((p) => [`${p.topic}\u0000${p.partition}`, p.errorCode]))
    return {
      errorCode: ErrorCode.NONE,
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex,
          errorCode: errors.get(`${t.name}\u0000${p.partitionIndex}`) ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION })),
      })),
    }
  },
})
