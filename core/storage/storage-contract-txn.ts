// Storage scenarios for transactions (KIP-98): open transactions, the aborted-transaction index and the
// coordinator's state, run against every engine through runStorageContract in storage-contract.ts.
import { beforeEach, describe, expect, it } from 'vitest'
import type { Storage, TransactionRecord } from './storage'
import { batchInput } from './storage-contract'

export function transaction(id: string, overrides: Partial<TransactionRecord> = {}): TransactionRecord {
  return {
    transactionalId: id, producerId: 7n, producerEpoch: 2, timeoutMs: 60_000, state: 'Ongoing',
    partitions: [{ topic: 't', partition: 0 }], groups: ['g'],
    pendingOffsets: [{ group: 'g', topic: 't', partition: 1, offset: 2n ** 40n, leaderEpoch: -1, metadata: null, commitTimestampMs: 5 }],
    startedAtMs: 100, updatedAtMs: 200, ...overrides,
  }
}

export function txnScenarios(get: () => Storage): void {
  describe('transactions', () => {
    let s: Storage
    beforeEach(() => {
      s = get()
      s.createTopic('t', 2, {})
    })

    it('opens and closes transactions with the appends that start and end them', () => {
      s.appendMany([batchInput('t', 0, 0n, 2)], [], { opened: [{ topic: 't', partition: 0, producerId: 7n, firstOffset: 0n }] })
      s.appendMany([batchInput('t', 1, 0n, 1)], [], { opened: [{ topic: 't', partition: 1, producerId: 8n, firstOffset: 0n }] })
      expect(s.loadOpenTxns().sort((a, b) => a.partition - b.partition)).toEqual([
        { topic: 't', partition: 0, producerId: 7n, firstOffset: 0n },
        { topic: 't', partition: 1, producerId: 8n, firstOffset: 0n },
      ])
      s.appendMany([batchInput('t', 0, 2n, 1)], [], {
        closed: [{ topic: 't', partition: 0, producerId: 7n, firstOffset: 0n }],
        aborted: [{ topic: 't', partition: 0, producerId: 7n, firstOffset: 0n, lastOffset: 2n }],
      })
      expect(s.loadOpenTxns()).toEqual([{ topic: 't', partition: 1, producerId: 8n, firstOffset: 0n }])
    })

    it('answers aborted transactions overlapping a range and trims them with DeleteRecords', () => {
      const aborted = (first: bigint, last: bigint) => ({ topic: 't', partition: 0, producerId: first + 100n, firstOffset: first, lastOffset: last })
      s.appendMany([batchInput('t', 0, 0n, 10)], [], { aborted: [aborted(0n, 3n), aborted(5n, 9n)] })
      expect(s.abortedTxns('t', 0, 0n, 10n)).toEqual([aborted(0n, 3n), aborted(5n, 9n)])
      expect(s.abortedTxns('t', 0, 4n, 10n)).toEqual([aborted(5n, 9n)])
      expect(s.abortedTxns('t', 0, 0n, 5n)).toEqual([aborted(0n, 3n)])
      expect(s.abortedTxns('t', 1, 0n, 10n)).toEqual([])
      s.deleteRecordsBefore('t', 0, 4n)
      expect(s.abortedTxns('t', 0, 0n, 10n)).toEqual([aborted(5n, 9n)])
    })

    it('is all or nothing with the append', () => {
      const bad = () => s.appendMany([batchInput('t', 0, 5n, 1)], [], {
        opened: [{ topic: 't', partition: 0, producerId: 7n, firstOffset: 5n }], transaction: transaction('x'),
      })
      expect(bad).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }))
      expect(s.loadOpenTxns()).toEqual([])
      expect(s.loadTransactions()).toEqual([])
    })

    it('upserts coordinator state and commits offsets with the markers', () => {
      s.saveTransaction(transaction('b'))
      s.saveTransaction(transaction('a', { state: 'Empty', partitions: [], groups: [], pendingOffsets: [] }))
      const done = transaction('b', { state: 'CompleteCommit', partitions: [], pendingOffsets: [], producerEpoch: 3 })
      const offset = { group: 'g', topic: 't', partition: 1, offset: 4n, leaderEpoch: -1, metadata: '', commitTimestampMs: 9 }
      s.appendMany([batchInput('t', 0, 0n, 1)], [], { transaction: done, offsets: [offset] })
      expect(s.loadTransactions()).toEqual([transaction('a', { state: 'Empty', partitions: [], groups: [], pendingOffsets: [] }), done])
      expect(s.fetchOffsets('g')).toEqual([offset])
    })

    it('round-trips pending offsets', () => {
      s.saveTransaction(transaction('p'))
      expect(s.loadTransactions()).toEqual([transaction('p')])
    })
  })
}
