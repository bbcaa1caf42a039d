import type { Storage } from '../storage/storage'
import { decodeBatch } from '../protocol/records'

export interface TimestampedOffset {
  offset: bigint
  timestamp: bigint
}

/**
 * Record-level answer for ListOffsets by timestamp: storage narrows to the first batch whose
 * maxTimestamp reaches the target, then the batch is decoded to find the first record at or after
 * it (Kafka's semantics are per record, not per batch). 'max' finds the record with the largest
 * timestamp (KIP-734).
 */
export async function offsetForTimestamp(storage: Storage, topic: string, partition: number, target: bigint | 'max'): Promise<TimestampedOffset | undefined> {
  const batch = target === 'max' ? storage.maxTimestampBatch(topic, partition) : storage.findBatchByTimestamp(topic, partition, target)
  if (!batch) return undefined
  const decoded = await decodeBatch(batch.bytes)
  let best: TimestampedOffset | undefined
  for (const record of decoded.records) {
    if (target === 'max') {
      if (!best || record.timestamp > best.timestamp) best = { offset: record.offset, timestamp: record.timestamp }
    } else if (record.timestamp >= target) {
      return { offset: record.offset, timestamp: record.timestamp }
    }
  }
  return best ?? { offset: batch.baseOffset, timestamp: batch.maxTimestamp }
}
