// 02-list-offsets.ts: ListOffsets (key 2), versions 1-7 (v0's OldStyleOffsets format is not served).
// Timestamp -1 = latest (high watermark), -2 = earliest (log start), -3 = max timestamp (KIP-734, v7+),
// otherwise the first offset whose record timestamp is >= the target (found inside the batch).
// IsolationLevel 1 (read_committed, v2+): latest is the last stable offset (KIP-98).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readListOffsetsRequest, writeListOffsetsResponse, type ListOffsetsRequest, type ListOffsetsResponse } from '../../protocol/generated'
import { defineHandler, type HandlerContext } from '../handler'
import { offsetForTimestamp } from '../../log/offset-for-timestamp'

const LATEST = -1n
const EARLIEST = -2n
const MAX_TIMESTAMP = -3n

type PartitionResponse = ListOffsetsResponse['topics'][number]['partitions'][number]

export default defineHandler({
  apiKey: ApiKey.ListOffsets,
  minVersion: 1,
  maxVersion: 7,
  read: readListOffsetsRequest,
  write: writeListOffsetsResponse,
  handle: (req, ctx) => listOffsets(req, ctx),
})

async function listOffsets(req: ListOffsetsRequest, ctx: HandlerContext): Promise<ListOffsetsResponse> {
  const topics = []
  for (const topic of req.topics) {
    const partitions: PartitionResponse[] = []
    for (const p of topic.partitions) partitions.push(await lookup(topic.name, p.partitionIndex, p.timestamp, req.isolationLevel === 1, ctx))
    topics.push({ name: topic.name, partitions })
  }
  return { throttleTimeMs: 0, topics }
}

async function lookup(topic: string, partition: number, timestamp: bigint, readCommitted: boolean, ctx: HandlerContext): Promise<PartitionResponse> {
  const { log, storage } = ctx.broker
  if (!log.partitionExists(topic, partition)) return answer(partition, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1n, -1n)
  const { logStartOffset, highWatermark } = log.offsets(topic, partition)
  if (timestamp === LATEST) return answer(partition, ErrorCode.NONE, -1n, readCommitted ? log.lastStableOffset(topic, partition) : highWatermark)
  if (timestamp === EARLIEST) return answer(partition, ErrorCode.NONE, -1n, logStartOffset)
  if (timestamp === MAX_TIMESTAMP) {
    const found = await offsetForTimestamp(storage, topic, partition, 'max')
    return found ? answer(partition, ErrorCode.NONE, found.timestamp, found.offset) : answer(partition, ErrorCode.NONE, -1n, -1n)
  }
  if (timestamp < 0n) return answer(partition, ErrorCode.INVALID_REQUEST, -1n, -1n)
  const found = await offsetForTimestamp(storage, topic, partition, timestamp)
  // No record that late: Kafka answers offset -1 and timestamp -1.
  return found ? answer(partition, ErrorCode.NONE, found.timestamp, found.offset) : answer(partition, ErrorCode.NONE, -1n, -1n)
}

function answer(partitionIndex: number, errorCode: number, timestamp: bigint, offset: bigint): PartitionResponse {
  return { partitionIndex, errorCode, oldStyleOffsets: [], timestamp, offset, leaderEpoch: offset >= 0n ? 0 : -1 }
}
