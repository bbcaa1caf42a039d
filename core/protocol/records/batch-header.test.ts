import { describe, expect, it } from 'vitest'
import {
  BATCH_HEADER_SIZE, TimestampType, batchSize, batchesIn, encodeBatch, isBatchCrcValid, lastOffset, readBatchHeader,
  setBaseOffset, setPartitionLeaderEpoch, stampLogAppendTime,
} from './index'

describe('batch header', () => {
  it('reads every field and stamps offset/epoch without breaking the CRC', async () => {
    const b = await encodeBatch([{ value: 'a', timestamp: 5n }, { value: 'b', timestamp: 9n }], {
      compression: 1, producerId: 77n, producerEpoch: 2, baseSequence: 10, isTransactional: true,
    })
    setBaseOffset(b, 1000n)
    setPartitionLeaderEpoch(b, 3)
    const h = readBatchHeader(b)
    expect(h).toMatchObject({
      baseOffset: 1000n, batchLength: b.length - 12, partitionLeaderEpoch: 3, magic: 2, compression: 1,
      timestampType: TimestampType.CreateTime, isTransactional: true, isControl: false, hasDeleteHorizon: false,
      lastOffsetDelta: 1, baseTimestamp: 5n, maxTimestamp: 9n, producerId: 77n, producerEpoch: 2, baseSequence: 10,
      recordCount: 2,
    })
    expect(batchSize(h)).toBe(b.length)
    expect(lastOffset(h)).toBe(1001n)
    expect(isBatchCrcValid(b)).toBe(true)
  })

  it('stamps LogAppendTime and re-signs', async () => {
    const b = await encodeBatch([{ value: 'a', timestamp: 5n }])
    stampLogAppendTime(b, 123n)
    const h = readBatchHeader(b)
    expect(h.timestampType).toBe(TimestampType.LogAppendTime)
    expect(h.maxTimestamp).toBe(123n)
    expect(isBatchCrcValid(b)).toBe(true)
  })

  it('reads at an offset and refuses short buffers', async () => {
    const b = await encodeBatch([{ value: 'a' }], { baseOffset: 9n })
    const padded = Buffer.concat([Buffer.alloc(5), b])
    expect(readBatchHeader(padded, 5).baseOffset).toBe(9n)
    expect(() => readBatchHeader(b.subarray(0, BATCH_HEADER_SIZE - 1))).toThrow(RangeError)
  })

  it('batchesIn stops at a partial batch and throws on an impossible batchLength', async () => {
    const b = await encodeBatch([{ value: 'a' }])
    expect([...batchesIn(Buffer.concat([b, b.subarray(0, b.length - 1)]))]).toHaveLength(1)
    expect([...batchesIn(Buffer.concat([b, b.subarray(0, 20)]))]).toHaveLength(1)
    expect([...batchesIn(Buffer.alloc(0))]).toHaveLength(0)
    const bad = Buffer.concat([b, b])
    bad.writeInt32BE(3, b.length + 8)
    expect(() => [...batchesIn(bad)]).toThrow(/batchLength/)
  })
})
