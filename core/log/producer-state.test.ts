import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../protocol/error-codes'
import { afterAppend, checkSequence, lastSequenceOf, MAX_CACHED_BATCHES, nextSequence, type ProducerEntry } from './producer-state'

const MAX = 2 ** 31 - 1

/** Appends batches of `sizes` records starting at sequence `seq`, offsets from 0. */
function entryAfter(sizes: number[], seq = 0, epoch = 0): ProducerEntry {
  let entry: ProducerEntry | undefined
  let offset = 0n
  for (const n of sizes) {
    const lastSeq = lastSequenceOf(seq, n - 1)
    entry = afterAppend(entry, 7n, epoch, { firstSeq: seq, lastSeq, baseOffset: offset, lastOffset: offset + BigInt(n - 1) }, 1)
    offset += BigInt(n)
    seq = nextSequence(lastSeq)
  }
  return entry!
}

describe('sequence arithmetic', () => {
  it('wraps after Int32 max to 0, never negative', () => {
    expect(lastSequenceOf(MAX - 1, 3)).toBe(1)
    expect(lastSequenceOf(MAX, 0)).toBe(MAX)
    expect(nextSequence(MAX)).toBe(0)
    expect(nextSequence(41)).toBe(42)
  })
})

describe('checkSequence', () => {
  it('accepts any sequence from an unknown producer (pitfall 16)', () => {
    expect(checkSequence(undefined, 0, 12345, 12349)).toEqual({ kind: 'append' })
  })

  it('accepts the next sequence and rejects gaps with OUT_OF_ORDER_SEQUENCE_NUMBER', () => {
    const e = entryAfter([5, 5]) // seqs 0-4, 5-9
    expect(checkSequence(e, 0, 10, 12)).toEqual({ kind: 'append' })
    expect(checkSequence(e, 0, 11, 12)).toMatchObject({ kind: 'reject', errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER })
  })

  it('answers a re-sent recent batch with its original offsets', () => {
    const e = entryAfter([5, 5, 5])
    expect(checkSequence(e, 0, 5, 9)).toEqual({ kind: 'duplicate', baseOffset: 5n, lastOffset: 9n })
    expect(checkSequence(e, 0, 0, 4)).toEqual({ kind: 'duplicate', baseOffset: 0n, lastOffset: 4n })
  })

  it('remembers only the last five batches; older re-sends get DUPLICATE_SEQUENCE_NUMBER', () => {
    const e = entryAfter([1, 1, 1, 1, 1, 1, 1])
    expect(e.batches).toHaveLength(MAX_CACHED_BATCHES)
    expect(checkSequence(e, 0, 2, 2)).toMatchObject({ kind: 'duplicate', baseOffset: 2n })
    expect(checkSequence(e, 0, 1, 1)).toMatchObject({ kind: 'reject', errorCode: ErrorCode.DUPLICATE_SEQUENCE_NUMBER })
    // A batch starting inside the already-written range is not new data either.
    expect(checkSequence(e, 0, 5, 7)).toMatchObject({ kind: 'reject', errorCode: ErrorCode.DUPLICATE_SEQUENCE_NUMBER })
    expect(checkSequence(e, 0, 9, 9)).toMatchObject({ kind: 'reject', errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER })
  })

  it('continues across the Int32 wrap', () => {
    const e = entryAfter([3, 4], MAX - 2) // MAX-2..MAX, then 0..3
    expect(e.batches.at(-1)).toMatchObject({ firstSeq: 0, lastSeq: 3 })
    expect(checkSequence(e, 0, 4, 4)).toEqual({ kind: 'append' })
    expect(checkSequence(e, 0, MAX - 2, MAX)).toMatchObject({ kind: 'duplicate', baseOffset: 0n })
    expect(checkSequence(e, 0, MAX - 10, MAX - 5)).toMatchObject({ errorCode: ErrorCode.DUPLICATE_SEQUENCE_NUMBER })
    const straddling = entryAfter([2], MAX)
    expect(straddling.batches[0]).toMatchObject({ firstSeq: MAX, lastSeq: 0 })
    expect(checkSequence(straddling, 0, 1, 1)).toEqual({ kind: 'append' })
  })

  it('fences older epochs and requires sequence 0 for a newer epoch', () => {
    const e = entryAfter([5], 0, 3)
    expect(checkSequence(e, 2, 5, 5)).toMatchObject({ kind: 'reject', errorCode: ErrorCode.INVALID_PRODUCER_EPOCH })
    expect(checkSequence(e, 4, 0, 9)).toEqual({ kind: 'append' })
    expect(checkSequence(e, 4, 5, 9)).toMatchObject({ kind: 'reject', errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER })
    const bumped = afterAppend(e, 7n, 4, { firstSeq: 0, lastSeq: 9, baseOffset: 5n, lastOffset: 14n }, 2)
    expect(bumped).toMatchObject({ producerEpoch: 4, batches: [{ firstSeq: 0, lastSeq: 9 }] })
    expect(e.producerEpoch).toBe(3)
  })
})
