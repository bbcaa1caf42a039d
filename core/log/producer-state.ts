// Idempotent-producer bookkeeping (KIP-98; CLIENTS.md pitfall 16): per (producerId, partition) the current
// epoch and the sequence ranges of the last five batches, which is as many as a client may have in flight
// (max.in.flight.requests.per.connection ≤ 5 with idempotence). Pure functions: LogService decides, storage
// persists the new entry in the same transaction as the batch.
import { ErrorCode } from '../protocol/error-codes'

/** Batches remembered per producer and partition: clients keep at most five requests in flight. */
export const MAX_CACHED_BATCHES = 5
const INT32_MAX = 2 ** 31 - 1
const SEQUENCE_SPACE = 2 ** 31

export interface SequenceRange {
  firstSeq: number
  lastSeq: number
  baseOffset: bigint
  lastOffset: bigint
}

export interface ProducerEntry {
  producerId: bigint
  producerEpoch: number
  /** Oldest first, at most MAX_CACHED_BATCHES. */
  batches: SequenceRange[]
  lastTimestampMs: number
}

export type SequenceVerdict =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: bigint; lastOffset: bigint }
  | { kind: 'reject'; errorCode: number; message: string }

/** Sequence of a batch's last record: wraps past Int32 max to 0, never negative (RECORD-FORMAT.md). */
export function lastSequenceOf(baseSequence: number, lastOffsetDelta: number): number {
  const last = baseSequence + lastOffsetDelta
  return last > INT32_MAX ? last - SEQUENCE_SPACE : last
}

export function nextSequence(sequence: number): number {
  return sequence === INT32_MAX ? 0 : sequence + 1
}

/** True when `seq` lies at or before `last` in the (wrapping) sequence space, i.e. it was already written. */
function isAtOrBefore(seq: number, last: number): boolean {
  const distance = (((last - seq) % SEQUENCE_SPACE) + SEQUENCE_SPACE) % SEQUENCE_SPACE
  return distance < SEQUENCE_SPACE / 2
}

/**
 * Decides what to do with an idempotent batch. An unknown producer is accepted at any sequence (Kafka and
 * Redpanda do the same: its state may have expired); a newer epoch of a known producer must restart at 0,
 * as clients do after an epoch bump (KIP-360).
 */
export function checkSequence(entry: ProducerEntry | undefined, epoch: number, firstSeq: number, lastSeq: number): SequenceVerdict {
  if (!entry) return { kind: 'append' }
  if (epoch < entry.producerEpoch) {
    return reject(ErrorCode.INVALID_PRODUCER_EPOCH, `Producer epoch ${epoch} is older than the current epoch ${entry.producerEpoch}.`)
  }
  if (epoch > entry.producerEpoch) {
    if (firstSeq === 0) return { kind: 'append' }
    return reject(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, `Invalid sequence number ${firstSeq} for new epoch ${epoch}: expected 0.`)
  }
  const cached = entry.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq)
  if (cached) return { kind: 'duplicate', baseOffset: cached.baseOffset, lastOffset: cached.lastOffset }
  const last = entry.batches.at(-1)
  if (!last || firstSeq === nextSequence(last.lastSeq)) return { kind: 'append' }
  if (isAtOrBefore(firstSeq, last.lastSeq)) {
    // Older than anything cached: already written, but its offset is no longer known.
    return reject(ErrorCode.DUPLICATE_SEQUENCE_NUMBER, `Sequence ${firstSeq} was already written (last is ${last.lastSeq}).`)
  }
  return reject(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, `Out of order sequence ${firstSeq}: expected ${nextSequence(last.lastSeq)}.`)
}

/** The entry after appending a batch; the input entry is left untouched. */
export function afterAppend(
  entry: ProducerEntry | undefined,
  producerId: bigint,
  epoch: number,
  range: SequenceRange,
  nowMs: number,
): ProducerEntry {
  const sameEpoch = entry !== undefined && entry.producerEpoch === epoch
  const batches = sameEpoch ? [...entry.batches, range].slice(-MAX_CACHED_BATCHES) : [range]
  return { producerId, producerEpoch: epoch, batches, lastTimestampMs: nowMs }
}

function reject(errorCode: number, message: string): SequenceVerdict {
  return { kind: 'reject', errorCode, message }
}
