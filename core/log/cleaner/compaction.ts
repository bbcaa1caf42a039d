// Log compaction for cleanup.policy=compact (Kafka's log compaction; KIP-58 for min.compaction.lag.ms): keep the
// latest record per key in the cleanable region, drop tombstones once delete.retention.ms has passed, never
// touch the newest batch (our "active segment") or anything younger than min.compaction.lag.ms.
import type { BatchInfo, BatchRewrite, Storage } from '../../storage/storage'
import { BatchField, type DecodedRecord } from '../../protocol/records'
import { effectiveTopicConfig } from '../../config/topic-configs'
import { openBatch, rewriteBatch } from './rewrite-batch'

export interface CompactionState {
  /** Offsets below this were compacted by an earlier pass: only bytes at or above it count as dirty. */
  dirtyFrom: bigint
  /** When the earliest kept tombstone may be dropped (ms), so a pass is due even without new data. */
  tombstoneDueAtMs: number | null
  /** The topic configs the last pass ran with: changing them (e.g. delete.retention.ms) makes a pass due. */
  configs?: string
}

export interface CompactionOutcome {
  ran: boolean
  batchesRewritten: number
  batchesDropped: number
  recordsRemoved: number
  bytesBefore: number
  bytesAfter: number
  state: CompactionState
}

const READ_CHUNK = 4 << 20
const INFO_PAGE = 5000

/** Every stored batch's metadata from the log start, in offset order. */
function allBatchInfos(storage: Storage, topic: string, partition: number): BatchInfo[] {
  return [...batchInfosFromStart(storage, topic, partition)]
}

/** The stored batches from the log start, read a page at a time so a caller may stop early. */
export function* batchInfosFromStart(storage: Storage, topic: string, partition: number): Generator<BatchInfo> {
  let from = storage.offsets(topic, partition).logStartOffset
  // Small first page: retention usually stops at the first batch; full scans grow to INFO_PAGE rows.
  for (let size = 64; ; size = Math.min(size * 4, INFO_PAGE)) {
    const page = storage.batchInfos(topic, partition, from, size)
    yield* page
    if (page.length < size) return
    from = page.at(-1)!.lastOffset + 1n
  }
}

/** The cleanable region: every batch but the newest, and none younger than min.compaction.lag.ms. */
export function cleanableBatches(infos: BatchInfo[], configs: Record<string, string>, nowMs: number): BatchInfo[] {
  const minLag = BigInt(effectiveTopicConfig(configs, 'min.compaction.lag.ms'))
  const end = infos.findIndex((b) => b.maxTimestamp > BigInt(nowMs) - minLag)
  return infos.slice(0, Math.min(end === -1 ? infos.length : end, infos.length - 1))
}

/** Whether this pass should run: dirty ratio (min.cleanable.dirty.ratio), max.compaction.lag.ms, or due tombstones. */
export function compactionDue(cleanable: BatchInfo[], state: CompactionState, configs: Record<string, string>, nowMs: number): boolean {
  if (cleanable.length === 0) return false
  let total = 0
  let dirty = 0
  let oldestDirty: bigint | null = null
  for (const b of cleanable) {
    total += b.sizeBytes
    if (b.lastOffset >= state.dirtyFrom) {
      dirty += b.sizeBytes
      if (oldestDirty === null || b.maxTimestamp < oldestDirty) oldestDirty = b.maxTimestamp
    }
  }
  if (state.tombstoneDueAtMs !== null && nowMs >= state.tombstoneDueAtMs) return true
  if (state.configs !== undefined && state.configs !== JSON.stringify(configs)) return true
  if (dirty === 0) return false
  const maxLag = BigInt(effectiveTopicConfig(configs, 'max.compaction.lag.ms'))
  if (oldestDirty !== null && BigInt(nowMs) - oldestDirty >= maxLag) return true
  return dirty / total >= Number(effectiveTopicConfig(configs, 'min.cleanable.dirty.ratio'))
}

/**
 * One compaction pass over a partition. Reads are async (decompression); the result is written in one
 * synchronous storage call, and only if the topic is still the same one (same topic id) by then.
 */
export async function compactPartition(
  storage: Storage, topic: string, partition: number, nowMs: number, state: CompactionState, force = false,
): Promise<CompactionOutcome> {
  const record = storage.getTopic(topic)
  const outcome: CompactionOutcome = { ran: false, batchesRewritten: 0, batchesDropped: 0, recordsRemoved: 0, bytesBefore: 0, bytesAfter: 0, state }
  if (!record) return outcome
  const cleanable = cleanableBatches(allBatchInfos(storage, topic, partition), record.configs, nowMs)
  if (!(force ? cleanable.length > 0 : compactionDue(cleanable, state, record.configs, nowMs))) return outcome
  const end = cleanable.at(-1)!.lastOffset + 1n
  const latest = await latestOffsetPerKey(storage, topic, partition, cleanable[0]!.baseOffset, end)
  const rule = keepRule(latest, BigInt(effectiveTopicConfig(record.configs, 'delete.retention.ms')), nowMs)
  const rewrites: BatchRewrite[] = []
  await forEachBatch(storage, topic, partition, cleanable[0]!.baseOffset, end, async (bytes, maxTimestamp) => {
    const opened = await openBatch(bytes)
    if (opened.decoded.isControl) return
    const result = await rewriteBatch(bytes, opened, (r) => rule.keep(r, maxTimestamp))
    outcome.bytesBefore += bytes.length
    if (result.kind === 'unchanged') return void (outcome.bytesAfter += bytes.length)
    const before = opened.decoded.records.length
    const baseOffset = opened.decoded.header.baseOffset
    rewrites.push({ baseOffset, bytes: result.kind === 'empty' ? null : result.bytes })
    if (result.kind === 'empty') outcome.batchesDropped++
    else outcome.batchesRewritten++
    const after = result.kind === 'empty' ? 0 : result.bytes.readInt32BE(BatchField.recordCount)
    outcome.recordsRemoved += before - after
    outcome.bytesAfter += result.kind === 'empty' ? 0 : result.bytes.length
  })
  // Everything above was asynchronous: write only if the topic was not deleted (or re-created) meanwhile.
  if (storage.getTopic(topic)?.topicId !== record.topicId) return outcome
  if (rewrites.length > 0) storage.rewriteBatches(topic, partition, rewrites)
  return { ...outcome, ran: true, state: { dirtyFrom: end, tombstoneDueAtMs: rule.tombstoneDueAtMs(), configs: JSON.stringify(record.configs) } }
}

/**
 * Keep a record if it has no key, or is its key's latest; a latest tombstone only until delete.retention.ms
 * after its batch's max timestamp (Kafka counts from when the tombstone was first cleaned; the batch time
 * is the closest durable stand-in we have).
 */
function keepRule(latest: Map<string, bigint>, deleteRetentionMs: bigint, nowMs: number) {
  let dueAt: number | null = null
  return {
    keep(r: DecodedRecord, batchMaxTimestamp: bigint): boolean {
      if (r.key === null) return true
      if (latest.get(r.key.toString('latin1')) !== r.offset) return false
      if (r.value !== null) return true
      const due = batchMaxTimestamp + deleteRetentionMs
      if (due <= BigInt(nowMs)) return false
      dueAt = dueAt === null ? Number(due) : Math.min(dueAt, Number(due))
      return true
    },
    tombstoneDueAtMs: () => dueAt,
  }
}

async function latestOffsetPerKey(storage: Storage, topic: string, partition: number, from: bigint, end: bigint): Promise<Map<string, bigint>> {
  const latest = new Map<string, bigint>()
  await forEachBatch(storage, topic, partition, from, end, async (bytes) => {
    const opened = await openBatch(bytes)
    if (opened.decoded.isControl) return
    for (const r of opened.decoded.records) if (r.key !== null) latest.set(r.key.toString('latin1'), r.offset)
  })
  return latest
}

/** Visits stored batches with base offsets in [from, end) in offset order, reading in bounded chunks. */
async function forEachBatch(
  storage: Storage, topic: string, partition: number, from: bigint, end: bigint, visit: (bytes: Buffer, maxTimestamp: bigint) => Promise<void>,
): Promise<void> {
  let next = from
  while (next < end) {
    const batches = storage.readBatches(topic, partition, next, READ_CHUNK)
    if (batches.length === 0) return
    for (const b of batches) {
      if (b.baseOffset >= end) return
      if (b.baseOffset >= next) await visit(b.bytes, b.maxTimestamp)
      next = b.lastOffset + 1n
    }
  }
}
