// 21-delete-records.ts: DeleteRecords (key 21), versions 0-2. Moves a partition's log start offset
// (low watermark); offset -1 means "up to the high watermark". As in Kafka, a compact-only topic refuses
// with POLICY_VIOLATION: truncating it would drop the latest values of keys.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readDeleteRecordsRequest, writeDeleteRecordsResponse } from '../../protocol/generated'
import { defineHandler, type HandlerContext } from '../handler'
import { hasPolicy } from '../../log/cleaner/retention'

export default defineHandler({
  apiKey: ApiKey.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  read: readDeleteRecordsRequest,
  write: writeDeleteRecordsResponse,
  handle: (req, ctx) => ({
    throttleTimeMs: 0,
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, ...deleteBefore(t.name, p.partitionIndex, p.offset, ctx) })),
    })),
  }),
})

function deleteBefore(topic: string, partition: number, offset: bigint, ctx: HandlerContext): { lowWatermark: bigint; errorCode: number } {
  const { log, storage } = ctx.broker
  if (!log.partitionExists(topic, partition)) return { lowWatermark: -1n, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION }
  const configs = storage.getTopic(topic)?.configs ?? {}
  if (!hasPolicy(configs, 'delete')) return { lowWatermark: -1n, errorCode: ErrorCode.POLICY_VIOLATION }
  const { logStartOffset, highWatermark } = log.offsets(topic, partition)
  const target = offset === -1n ? highWatermark : offset
  if (target < 0n || target > highWatermark) return { lowWatermark: logStartOffset, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE }
  if (target > logStartOffset) storage.deleteRecordsBefore(topic, partition, target)
  return { lowWatermark: log.offsets(topic, partition).logStartOffset, errorCode: ErrorCode.NONE }
}
