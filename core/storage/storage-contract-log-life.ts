// Storage scenarios for the log's life (producer state, retention scans, compaction rewrites), run against
// every engine through runStorageContract in storage-contract.ts.
import { beforeEach, describe, expect, it } from 'vitest'
import type { ProducerStateRecord, Storage } from './storage'
import { appendBatches, batchInput } from './storage-contract'

export function producerState(topic: string, partition: number, producerId: bigint, epoch: number, lastSeq: number): ProducerStateRecord {
  return {
    topic, partition, producerId, producerEpoch: epoch, lastTimestampMs: 77,
    batches: [{ firstSeq: lastSeq - 1, lastSeq, baseOffset: 2n ** 40n, lastOffset: 2n ** 40n + 1n }],
  }
}

export function logLifeScenarios(get: () => Storage): void {
  describe('log life', () => {
    let s: Storage
    beforeEach(() => {
      s = get()
      s.createTopic('t', 2, {})
    })

    it('persists producer state with the append, all or nothing', () => {
      expect(s.loadProducerStates()).toEqual([])
      s.appendMany([batchInput('t', 0, 0n, 2)], [producerState('t', 0, 5n, 1, 1)])
      s.appendMany([batchInput('t', 0, 2n, 2)], [producerState('t', 0, 5n, 2, 3), producerState('t', 1, 5n, 0, 9)])
      const bad = () => s.appendMany([batchInput('t', 0, 99n, 1)], [producerState('t', 0, 5n, 3, 7)])
      expect(bad).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }))
      const sorted = s.loadProducerStates().sort((a, b) => a.partition - b.partition)
      expect(sorted).toEqual([producerState('t', 0, 5n, 2, 3), producerState('t', 1, 5n, 0, 9)])
      sorted[0]!.batches[0]!.firstSeq = -5
      expect(s.loadProducerStates().some((p) => p.batches[0]!.firstSeq === -5)).toBe(false)
    })

    it('expires idle producers by their last timestamp', () => {
      const recent = { ...producerState('t', 1, 6n, 0, 1), lastTimestampMs: 500 }
      s.appendMany([batchInput('t', 0, 0n, 1)], [producerState('t', 0, 5n, 0, 1), recent])
      expect(s.expireProducerStates(77)).toBe(0)
      expect(s.expireProducerStates(78)).toBe(1)
      expect(s.loadProducerStates()).toEqual([recent])
    })

    it('drops producer state with its topic', () => {
      s.appendMany([batchInput('t', 0, 0n, 1)], [producerState('t', 0, 5n, 0, 1)])
      s.deleteTopic('t')
      s.createTopic('t', 1, {})
      expect(s.loadProducerStates()).toEqual([])
    })

    it('lists batch metadata from the batch containing an offset', () => {
      appendBatches(s, 't', 0, [5, 5, 5], 100)
      expect(s.batchInfos('t', 0, 7n, 10)).toEqual([
        { baseOffset: 5n, lastOffset: 9n, maxTimestamp: 1000n, sizeBytes: 100 },
        { baseOffset: 10n, lastOffset: 14n, maxTimestamp: 1000n, sizeBytes: 100 },
      ])
      expect(s.batchInfos('t', 0, 0n, 1).map((b) => b.baseOffset)).toEqual([0n])
      expect(s.batchInfos('t', 1, 0n, 10)).toEqual([])
    })

    it('rewrites and drops batches in place without moving offsets', () => {
      appendBatches(s, 't', 0, [5, 5, 5], 100)
      const smaller = Buffer.alloc(40, 7)
      s.rewriteBatches('t', 0, [
        { baseOffset: 0n, bytes: null },
        { baseOffset: 5n, bytes: smaller },
        { baseOffset: 6n, bytes: null }, // not a batch start: ignored
        { baseOffset: 99n, bytes: null },
      ])
      expect(s.offsets('t', 0)).toEqual({ logStartOffset: 0n, highWatermark: 15n, sizeBytes: 140, batchCount: 2 })
      const batches = s.readBatches('t', 0, 0n, 1 << 20)
      expect(batches.map((b) => [b.baseOffset, b.lastOffset, b.bytes.length])).toEqual([[5n, 9n, 40], [10n, 14n, 100]])
      expect(batches[0]!.bytes).toEqual(smaller)
      smaller.fill(0)
      expect(s.readBatches('t', 0, 5n, 1)[0]!.bytes[0]).toBe(7)
      appendBatches(s, 't', 0, [1])
      expect(s.nextOffset('t', 0)).toBe(16n)
    })
  })
}
