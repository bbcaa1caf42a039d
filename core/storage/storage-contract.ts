// Storage scenarios written once and run against every engine (see storage.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppendInput, CommittedOffset, Storage } from './storage'
import { logLifeScenarios } from './storage-contract-log-life'
import { txnScenarios } from './storage-contract-txn'

/** A fake batch: storage never parses the bytes, so any recognisable content will do. */
export function batchInput(topic: string, partition: number, base: bigint, count: number, size = 100, ts = 1_000n) {
  const bytes = Buffer.alloc(size, Number(base % 251n))
  bytes.writeBigInt64BE(base, 0)
  const input: AppendInput = {
    topic, partition, bytes, baseOffset: base, lastOffset: base + BigInt(count - 1), maxTimestamp: ts,
    producerId: -1n, baseSequence: -1, isTransactional: false, isControl: false,
  }
  return input
}

/** Appends batches of `count` records at the partition's next offset. */
export function appendBatches(s: Storage, topic: string, partition: number, counts: number[], size = 100): void {
  for (const count of counts) s.append(batchInput(topic, partition, s.nextOffset(topic, partition), count, size))
}

function committed(group: string, topic: string, partition: number, offset: bigint, metadata: string | null) {
  const o: CommittedOffset = { group, topic, partition, offset, leaderEpoch: -1, metadata, commitTimestampMs: 42 }
  return o
}

type Get = () => Storage

export function runStorageContract(name: string, makeStorage: () => Storage): void {
  describe(`storage contract: ${name}`, () => {
    let s: Storage
    beforeEach(() => {
      s = makeStorage()
    })
    afterEach(() => s.close())
    const get: Get = () => s
    topicScenarios(get)
    logWriteScenarios(get)
    logReadScenarios(get)
    offsetAndMetaScenarios(get)
    logLifeScenarios(get)
    txnScenarios(get)
  })
}

function topicScenarios(get: Get): void {
  describe('topics', () => {
    let s: Storage
    beforeEach(() => {
      s = get()
    })

    it('creates, gets, lists and deletes topics with stable random ids', () => {
      const b = s.createTopic('b', 2, { 'retention.ms': '1000' })
      const a = s.createTopic('a', 1, {})
      expect(b.topicId).toMatch(/^[0-9a-f]{32}$/)
      expect(b.topicId).not.toBe('0'.repeat(32))
      expect(a.topicId).not.toBe(b.topicId)
      expect(s.getTopic('b')).toEqual(b)
      expect(s.getTopicById(a.topicId)).toEqual(a)
      expect(s.listTopics().map((t) => t.name)).toEqual(['a', 'b'])
      expect(s.deleteTopic('b')).toBe(true)
      expect(s.deleteTopic('b')).toBe(false)
      expect(s.getTopic('b')).toBeUndefined()
      expect(s.getTopicById(b.topicId)).toBeUndefined()
      expect(s.createTopic('b', 1, {}).topicId).not.toBe(b.topicId)
    })

    it('rejects duplicates and bad partition counts', () => {
      s.createTopic('t', 1, {})
      expect(() => s.createTopic('t', 1, {})).toThrow(expect.objectContaining({ code: 'TOPIC_ALREADY_EXISTS' }))
      expect(() => s.createTopic('u', 0, {})).toThrow(expect.objectContaining({ code: 'INVALID_PARTITIONS' }))
      expect(s.getTopic('u')).toBeUndefined()
    })

    it('adds partitions, which are writable, and never shrinks', () => {
      s.createTopic('t', 1, {})
      s.addPartitions('t', 3)
      expect(s.getTopic('t')?.partitionCount).toBe(3)
      appendBatches(s, 't', 2, [2])
      expect(s.nextOffset('t', 2)).toBe(2n)
      expect(() => s.addPartitions('t', 3)).toThrow(expect.objectContaining({ code: 'INVALID_PARTITIONS' }))
      expect(() => s.addPartitions('nope', 3)).toThrow(expect.objectContaining({ code: 'UNKNOWN_TOPIC_OR_PARTITION' }))
    })

    it('replaces the config override set and hands out copies', () => {
      s.createTopic('t', 1, { a: '1', b: '2' })
      s.setTopicConfigs('t', { c: '3' })
      const t = s.getTopic('t')!
      expect(t.configs).toEqual({ c: '3' })
      t.configs.d = '4'
      t.partitionCount = 99
      expect(s.getTopic('t')).toMatchObject({ configs: { c: '3' }, partitionCount: 1 })
    })

    it('deleting a topic removes its batches and committed offsets', () => {
      s.createTopic('t', 1, {})
      s.createTopic('keep', 1, {})
      appendBatches(s, 't', 0, [5, 5])
      s.commitOffsets([committed('g', 't', 0, 3n, null), committed('g', 'keep', 0, 1n, null)])
      s.deleteTopic('t')
      expect(s.fetchOffsets('g').map((o) => o.topic)).toEqual(['keep'])
      s.createTopic('t', 1, {})
      expect(s.offsets('t', 0)).toEqual({ logStartOffset: 0n, highWatermark: 0n, sizeBytes: 0, batchCount: 0 })
      expect(s.readBatches('t', 0, 0n, 1 << 20)).toEqual([])
    })
  })
}

function logWriteScenarios(get: Get): void {
  describe('log writes', () => {
    let s: Storage
    beforeEach(() => {
      s = get()
      s.createTopic('t', 2, {})
    })

    it('appends at the next offset and tracks offsets per partition', () => {
      expect(s.nextOffset('t', 0)).toBe(0n)
      appendBatches(s, 't', 0, [5, 1, 4], 100)
      expect(s.nextOffset('t', 0)).toBe(10n)
      expect(s.offsets('t', 0)).toEqual({ logStartOffset: 0n, highWatermark: 10n, sizeBytes: 300, batchCount: 3 })
      expect(s.offsets('t', 1)).toEqual({ logStartOffset: 0n, highWatermark: 0n, sizeBytes: 0, batchCount: 0 })
    })

    it('rejects a wrong baseOffset and unknown partitions', () => {
      appendBatches(s, 't', 0, [5])
      expect(() => s.append(batchInput('t', 0, 4n, 1))).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }))
      expect(() => s.append(batchInput('t', 0, 6n, 1))).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }))
      const unknown = expect.objectContaining({ code: 'UNKNOWN_TOPIC_OR_PARTITION' })
      expect(() => s.append(batchInput('t', 2, 0n, 1))).toThrow(unknown)
      expect(() => s.nextOffset('x', 0)).toThrow(unknown)
      expect(() => s.offsets('t', -1)).toThrow(unknown)
      expect(s.nextOffset('t', 0)).toBe(5n)
    })

    it('stores its own copy of the bytes', () => {
      const input = batchInput('t', 0, 0n, 1)
      s.append(input)
      input.bytes.fill(0xff)
      expect(s.readBatches('t', 0, 0n, 100)[0]!.bytes.readBigInt64BE(0)).toBe(0n)
    })

    it('appendMany writes all batches or none', () => {
      s.appendMany([batchInput('t', 0, 0n, 2), batchInput('t', 1, 0n, 3), batchInput('t', 0, 2n, 2)])
      expect([s.nextOffset('t', 0), s.nextOffset('t', 1)]).toEqual([4n, 3n])
      const bad = [batchInput('t', 0, 4n, 1), batchInput('t', 1, 3n, 1), batchInput('t', 0, 9n, 1)]
      expect(() => s.appendMany(bad)).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }))
      expect([s.nextOffset('t', 0), s.nextOffset('t', 1)]).toEqual([4n, 3n])
      expect(s.offsets('t', 0).batchCount).toBe(2)
      expect(s.readBatches('t', 1, 0n, 1 << 20)).toHaveLength(1)
    })
  })
}

function logReadScenarios(get: Get): void {
  describe('log reads', () => {
    let s: Storage
    beforeEach(() => {
      s = get()
      s.createTopic('t', 2, {})
    })

    it('reads from the batch containing fromOffset, bounded by maxBytes but at least one batch', () => {
      appendBatches(s, 't', 0, [5, 5, 5], 100)
      const bases = (from: bigint, max: number) => s.readBatches('t', 0, from, max).map((b) => b.baseOffset)
      expect(bases(7n, 1 << 20)).toEqual([5n, 10n])
      expect(bases(0n, 150)).toEqual([0n, 5n])
      expect(bases(0n, 200)).toEqual([0n, 5n])
      expect(bases(5n, 1)).toEqual([5n])
      expect(bases(14n, 0)).toEqual([10n])
      expect(bases(15n, 1 << 20)).toEqual([])
      const [first] = s.readBatches('t', 0, 0n, 1)
      expect(first).toEqual({ baseOffset: 0n, lastOffset: 4n, maxTimestamp: 1000n, bytes: batchInput('t', 0, 0n, 5).bytes })
      expect(s.readBatches('t', 1, 0n, 100)).toEqual([])
    })

    it('finds batches by timestamp and the max-timestamp batch', () => {
      expect(s.findBatchByTimestamp('t', 0, 0n)).toBeUndefined()
      expect(s.maxTimestampBatch('t', 0)).toBeUndefined()
      for (const ts of [100n, 300n, 200n, 300n]) s.append(batchInput('t', 0, s.nextOffset('t', 0), 2, 50, ts))
      const at = (ts: bigint) => s.findBatchByTimestamp('t', 0, ts)?.baseOffset
      expect([at(0n), at(100n), at(150n), at(250n), at(300n), at(301n)]).toEqual([0n, 0n, 2n, 2n, 2n, undefined])
      expect(s.maxTimestampBatch('t', 0)).toMatchObject({ baseOffset: 2n, maxTimestamp: 300n })
    })

    it('deleteRecordsBefore advances the log start and drops whole batches below it', () => {
      appendBatches(s, 't', 0, [5, 5, 5], 100)
      s.deleteRecordsBefore('t', 0, 7n)
      expect(s.offsets('t', 0)).toEqual({ logStartOffset: 7n, highWatermark: 15n, sizeBytes: 200, batchCount: 2 })
      expect(s.readBatches('t', 0, 0n, 1 << 20).map((b) => b.baseOffset)).toEqual([5n, 10n])
      s.deleteRecordsBefore('t', 0, 3n)
      expect(s.offsets('t', 0).logStartOffset).toBe(7n)
      expect(() => s.deleteRecordsBefore('t', 0, 16n)).toThrow(expect.objectContaining({ code: 'OFFSET_OUT_OF_RANGE' }))
      s.deleteRecordsBefore('t', 0, 15n)
      expect(s.offsets('t', 0)).toEqual({ logStartOffset: 15n, highWatermark: 15n, sizeBytes: 0, batchCount: 0 })
      appendBatches(s, 't', 0, [1])
      expect(s.readBatches('t', 0, 15n, 1).map((b) => b.baseOffset)).toEqual([15n])
    })
  })
}

function offsetAndMetaScenarios(get: Get): void {
  describe('committed offsets and meta', () => {
    let s: Storage
    beforeEach(() => {
      s = get()
    })

    it('round-trips metadata (null, empty, text), upserts and sorts', () => {
      const big = 1n << 40n
      s.commitOffsets([
        committed('g', 'b', 0, 1n, null),
        committed('g', 'a', 1, big, 'meta'),
        committed('g', 'a', 0, 2n, ''),
        { ...committed('h', 'a', 0, 5n, null), leaderEpoch: 7 },
      ])
      expect(s.fetchOffsets('g')).toEqual([
        committed('g', 'a', 0, 2n, ''),
        committed('g', 'a', 1, big, 'meta'),
        committed('g', 'b', 0, 1n, null),
      ])
      s.commitOffsets([{ ...committed('g', 'b', 0, 9n, 'x'), commitTimestampMs: 43 }])
      expect(s.fetchOffsets('g')[2]).toEqual({ ...committed('g', 'b', 0, 9n, 'x'), commitTimestampMs: 43 })
      expect(s.fetchOffsets('h')).toEqual([{ ...committed('h', 'a', 0, 5n, null), leaderEpoch: 7 }])
      expect(s.fetchOffsets('none')).toEqual([])
      expect(s.listOffsetGroups()).toEqual(['g', 'h'])
    })

    it('deletes some or all of a group offsets', () => {
      s.commitOffsets([committed('g', 'a', 0, 1n, null), committed('g', 'a', 1, 1n, null), committed('h', 'a', 0, 1n, null)])
      s.deleteOffsets('g', [{ topic: 'a', partition: 0 }, { topic: 'zz', partition: 0 }])
      expect(s.fetchOffsets('g').map((o) => o.partition)).toEqual([1])
      s.deleteOffsets('g', [{ topic: 'a', partition: 1 }])
      expect(s.listOffsetGroups()).toEqual(['h'])
      s.deleteOffsets('h')
      s.deleteOffsets('unknown')
      expect(s.listOffsetGroups()).toEqual([])
    })

    it('stores meta values', () => {
      expect(s.getMeta('cluster.id')).toBeUndefined()
      s.setMeta('cluster.id', 'abc')
      s.setMeta('cluster.id', 'def')
      s.setMeta('producer.id', '1')
      expect([s.getMeta('cluster.id'), s.getMeta('producer.id')]).toEqual(['def', '1'])
    })
  })
}

