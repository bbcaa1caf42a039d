import { describe, expect, it } from 'vitest'
import { Compression, TimestampType, batchesIn, controlMarker, decodeBatch, decodeBatches, encodeBatch, isBatchCrcValid, readBatchHeader } from './index'
import type { RecordInput } from './index'

const T0 = 1_700_000_000_000n

function sampleRecords(n: number): RecordInput[] {
  return Array.from({ length: n }, (_, i) => ({
    key: i % 3 === 0 ? null : Buffer.from(`key-${i}`),
    value: i % 5 === 4 ? null : Buffer.from(`value-${i}-`.repeat(1 + (i % 4))),
    headers: i % 2 ? [{ key: 'h', value: Buffer.from([i & 0xff]) }, { key: 'nul', value: null }] : [],
    timestamp: T0 + BigInt(i * 13) - 50n,
  }))
}

describe('encodeBatch / decodeBatch', () => {
  for (const [name, codec] of Object.entries(Compression)) {
    for (const n of [1, 1000]) {
      it(`round-trips ${n} record(s) with ${name}`, async () => {
        const input = sampleRecords(n)
        const buf = await encodeBatch(input, { compression: codec, baseOffset: 42n })
        expect(isBatchCrcValid(buf)).toBe(true)
        const batch = await decodeBatch(buf, { verifyCrc: true })
        expect(batch.header.compression).toBe(codec)
        expect(batch.header.recordCount).toBe(n)
        expect(batch.header.lastOffsetDelta).toBe(n - 1)
        expect(batch.sizeInBytes).toBe(buf.length)
        expect(batch.records).toHaveLength(n)
        batch.records.forEach((r, i) => {
          const want = input[i]!
          expect(r.offset).toBe(42n + BigInt(i))
          expect(r.timestamp).toBe(want.timestamp)
          expect(r.key).toEqual(want.key)
          expect(r.value).toEqual(want.value)
          expect(r.headers).toEqual(want.headers)
        })
      })
    }
  }

  it('sets header fields from options and timestamps from records', async () => {
    const buf = await encodeBatch(
      [{ value: 'a', timestamp: T0 + 10n }, { value: 'b', timestamp: T0 }, { value: 'c', timestamp: T0 + 99n }],
      { producerId: 7n, producerEpoch: 3, baseSequence: 100, isTransactional: true, partitionLeaderEpoch: 5 },
    )
    const h = readBatchHeader(buf)
    expect(h).toMatchObject({
      magic: 2, producerId: 7n, producerEpoch: 3, baseSequence: 100, isTransactional: true, isControl: false,
      partitionLeaderEpoch: 5, baseTimestamp: T0 + 10n, maxTimestamp: T0 + 99n, timestampType: TimestampType.CreateTime,
    })
    const records = (await decodeBatch(buf)).records
    expect(records.map((r) => r.timestamp)).toEqual([T0 + 10n, T0, T0 + 99n])
    expect(records[0]!.value!.toString()).toBe('a')
  })

  it('uses maxTimestamp for every record of a LogAppendTime batch', async () => {
    const buf = await encodeBatch([{ value: 'a', timestamp: T0 }, { value: 'b', timestamp: T0 + 1n }], {
      timestampType: TimestampType.LogAppendTime,
      logAppendTime: T0 + 5000n,
    })
    const batch = await decodeBatch(buf)
    expect(batch.header.timestampType).toBe(TimestampType.LogAppendTime)
    expect(batch.records.map((r) => r.timestamp)).toEqual([T0 + 5000n, T0 + 5000n])
  })

  it('decodes control batches and flags them', async () => {
    const buf = await encodeBatch([controlMarker(1, 9)], { isControl: true, isTransactional: true, producerId: 1n })
    const batch = await decodeBatch(buf)
    expect(batch.isControl).toBe(true)
    expect(batch.records[0]!.control).toEqual({ version: 0, type: 1 })
    expect(batch.records[0]!.value!.readInt32BE(2)).toBe(9)
  })

  it('accounts sizeInBytes per record', async () => {
    const buf = await encodeBatch(sampleRecords(10))
    const batch = await decodeBatch(buf)
    expect(batch.records.reduce((s, r) => s + r.sizeInBytes, 0)).toBe(buf.length - 61)
  })

  it('decodes several batches and skips a trailing partial one', async () => {
    const a = await encodeBatch(sampleRecords(3), { baseOffset: 0n })
    const b = await encodeBatch(sampleRecords(2), { baseOffset: 3n, compression: Compression.Gzip })
    const all = Buffer.concat([a, b, a.subarray(0, 40)])
    expect([...batchesIn(all)].map((s) => [s.offset, s.size])).toEqual([[0, a.length], [a.length, b.length]])
    const batches = await decodeBatches(all)
    expect(batches.flatMap((x) => x.records.map((r) => r.offset))).toEqual([0n, 1n, 2n, 3n, 4n])
  })

  it('rejects an empty record list', async () => {
    await expect(encodeBatch([])).rejects.toThrow()
  })
})

describe('decodeBatch on malformed input', () => {
  it('throws on truncation, bad magic, bad CRC, bogus counts', async () => {
    const buf = await encodeBatch(sampleRecords(5))
    await expect(decodeBatch(buf.subarray(0, buf.length - 1))).rejects.toThrow(/truncated/)
    await expect(decodeBatch(buf.subarray(0, 30))).rejects.toThrow()
    const magic = Buffer.from(buf)
    magic[16] = 1
    await expect(decodeBatch(magic)).rejects.toThrow(/magic/)
    const crc = Buffer.from(buf)
    crc[buf.length - 1]! ^= 1
    await expect(decodeBatch(crc, { verifyCrc: true })).rejects.toThrow(/CRC/)
    const count = Buffer.from(buf)
    count.writeInt32BE(0x7fffffff, 57)
    await expect(decodeBatch(count)).rejects.toThrow(/cannot fit/)
  })

  it('never hangs or crashes with anything but an Error on random corruption', async () => {
    const buf = await encodeBatch(sampleRecords(20))
    for (let i = 0; i < 500; i++) {
      const bad = Buffer.from(buf)
      const pos = 61 + ((i * 7919) % (buf.length - 61))
      bad[pos] = (bad[pos]! + 1 + (i % 255)) & 0xff
      try {
        await decodeBatch(bad)
      } catch (err) {
        expect(err).toBeInstanceOf(Error)
      }
    }
  })
})
