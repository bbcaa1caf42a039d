// SQLite side of the log's life: idempotent producer state rows and compaction rewrites. Kept apart from
// sqlite-storage.ts, which delegates here.
import type { BatchInfo, BatchRewrite, ProducerStateRecord } from '../storage'
import type { PartitionState, TopicState } from './state'
import type { BatchInfoRow, Statements } from './statements'

type Range = ProducerStateRecord['batches'][number]

/** Upserts one producer's state; runs inside the caller's append transaction. */
export function saveProducerState(stmts: Statements, partitionId: bigint, p: ProducerStateRecord): void {
  const batches = JSON.stringify(p.batches.map((b) => [b.firstSeq, b.lastSeq, b.baseOffset.toString(), b.lastOffset.toString()]))
  stmts.upsertProducerState.run(partitionId, p.producerId, p.producerEpoch, p.lastTimestampMs, batches)
}

export function loadProducerStates(stmts: Statements, topics: Map<string, TopicState>): ProducerStateRecord[] {
  const where = new Map<bigint, { topic: string; partition: number }>()
  for (const t of topics.values()) t.partitions.forEach((p, i) => where.set(p.id, { topic: t.record.name, partition: i }))
  const out: ProducerStateRecord[] = []
  for (const row of stmts.allProducerStates.all()) {
    const at = where.get(row.partition_id)
    if (!at) continue
    const ranges = JSON.parse(row.batches) as [number, number, string, string][]
    out.push({
      ...at,
      producerId: row.producer_id,
      producerEpoch: Number(row.producer_epoch),
      lastTimestampMs: Number(row.last_timestamp_ms),
      batches: ranges.map(([firstSeq, lastSeq, base, last]): Range => ({ firstSeq, lastSeq, baseOffset: BigInt(base), lastOffset: BigInt(last) })),
    })
  }
  return out
}

export function toBatchInfo(row: BatchInfoRow): BatchInfo {
  return { baseOffset: row.base_offset, lastOffset: row.last_offset, maxTimestamp: row.max_timestamp, sizeBytes: Number(row.size) }
}

/**
 * Applies compaction output in the caller's transaction. The first row whose last_offset >= baseOffset is
 * the batch starting there, if it still exists (retention or DeleteRecords may have removed it meanwhile).
 * Returns the size and count changes for the cached counters.
 */
export function applyRewrites(stmts: Statements, p: PartitionState, rewrites: BatchRewrite[]): { size: number; count: number } {
  let size = 0
  let count = 0
  for (const r of rewrites) {
    const row = stmts.batchInfosFrom.get(p.id, r.baseOffset, 1)
    if (!row || row.base_offset !== r.baseOffset) continue
    size -= Number(row.size)
    if (r.bytes === null) {
      stmts.deleteBatch.run(row.id)
      count -= 1
    } else {
      stmts.replaceBatchBytes.run(r.bytes, r.bytes.length, row.id)
      size += r.bytes.length
    }
  }
  return { size, count }
}
