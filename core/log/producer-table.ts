// In-memory view of every idempotent producer's state, loaded from storage at start-up and updated only
// after storage has committed the batch it describes. Keys use the topic id, so a topic deleted and
// re-created under the same name starts with no producers.
import type { ProducerStateRecord, Storage } from '../storage/storage'
import type { BatchHeader } from '../protocol/records'
import { afterAppend, checkSequence, lastSequenceOf, type ProducerEntry, type SequenceVerdict } from './producer-state'

/** A decision for one produced batch, plus the state to persist if it is appended. */
export interface IdempotenceCheck {
  verdict: SequenceVerdict
  /** Present when the batch carries a producer id and is to be appended. */
  next?: { key: string; record: ProducerStateRecord; entry: ProducerEntry }
}

const entryKey = (topicId: string, partition: number, producerId: bigint) => `${topicId}:${partition}:${producerId}`

export class ProducerTable {
  private readonly entries = new Map<string, ProducerEntry>()
  /** Highest epoch seen or handed out per producer id (KIP-360 bumps), and when it was last used. */
  private readonly epochs = new Map<bigint, { epoch: number; atMs: number }>()
  /** Re-sent batches answered from the cache, and batches refused for sequence or epoch errors. */
  readonly stats = { duplicates: 0, rejected: 0 }

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {
    for (const r of storage.loadProducerStates()) {
      const topic = storage.getTopic(r.topic)
      if (!topic) continue
      const entry = { producerId: r.producerId, producerEpoch: r.producerEpoch, batches: r.batches, lastTimestampMs: r.lastTimestampMs }
      this.entries.set(entryKey(topic.topicId, r.partition, r.producerId), entry)
      this.noteEpoch(r.producerId, r.producerEpoch, r.lastTimestampMs)
    }
  }

  /**
   * Checks a batch that already has its base offset; `pending` holds entries decided earlier in the same
   * request (a request carries one batch per partition, but be safe). Batches without a producer id
   * (-1) are not idempotent and always append.
   */
  check(topicId: string, topic: string, partition: number, header: BatchHeader, baseOffset: bigint, nowMs: number, pending: Map<string, ProducerEntry>): IdempotenceCheck {
    const { producerId, producerEpoch, baseSequence, lastOffsetDelta } = header
    if (producerId < 0n || baseSequence < 0) return { verdict: { kind: 'append' } }
    const key = entryKey(topicId, partition, producerId)
    const current = pending.get(key) ?? this.entries.get(key)
    const lastSeq = lastSequenceOf(baseSequence, lastOffsetDelta)
    const verdict = checkSequence(current, producerEpoch, baseSequence, lastSeq)
    if (verdict.kind !== 'append') {
      if (verdict.kind === 'duplicate') this.stats.duplicates++
      else this.stats.rejected++
      return { verdict }
    }
    const range = { firstSeq: baseSequence, lastSeq, baseOffset, lastOffset: baseOffset + BigInt(lastOffsetDelta) }
    const entry = afterAppend(current, producerId, producerEpoch, range, nowMs)
    const record: ProducerStateRecord = { topic, partition, ...entry }
    return { verdict, next: { key, record, entry } }
  }

  /** Called once storage has committed the batches. */
  commit(next: { key: string; entry: ProducerEntry }): void {
    this.entries.set(next.key, next.entry)
    this.noteEpoch(next.entry.producerId, next.entry.producerEpoch)
  }

  currentEpoch(producerId: bigint): number | undefined {
    return this.epochs.get(producerId)?.epoch
  }

  noteEpoch(producerId: bigint, epoch: number, atMs = this.now()): void {
    const known = this.epochs.get(producerId)
    if (!known || known.epoch <= epoch) this.epochs.set(producerId, { epoch, atMs: Math.max(atMs, known?.atMs ?? atMs) })
  }

  /** Forgets producers idle since before `beforeMs` (producer.id.expiration.ms); returns stored rows removed. */
  expire(beforeMs: number): number {
    for (const [key, entry] of this.entries) if (entry.lastTimestampMs < beforeMs) this.entries.delete(key)
    for (const [id, known] of this.epochs) if (known.atMs < beforeMs) this.epochs.delete(id)
    return this.storage.expireProducerStates(beforeMs)
  }
}
