// Cross-implementation check against kafkajs 2.2.4's internal RecordBatch encoder/decoder (dev dependency).
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Compression, decodeBatch, encodeBatch, validateProducedRecords } from './index'

const require = createRequire(import.meta.url)
const base = 'kafkajs/src/protocol/'
type KafkaRecord = { offset: string; timestamp: string; key: Buffer | null; value: Buffer | null; headers: Record<string, unknown> }
const { RecordBatch } = require(`${base}recordBatch/v0`) as { RecordBatch: (o: object) => Promise<{ buffer: Buffer }> }
const KjsRecord = require(`${base}recordBatch/record/v0`) as (o: object) => unknown
const kjsDecodeBatch = require(`${base}recordBatch/v0/decoder`) as (d: unknown) => Promise<{ records: KafkaRecord[] }>
const KjsDecoder = require(`${base}decoder`) as new (b: Buffer) => unknown
const Long = require('kafkajs/src/utils/long') as { fromInt(n: number): unknown; fromValue(v: unknown): unknown }

const T0 = 1_700_000_000_000

function fixture(name: string): Buffer {
  const url = new URL(`../fixtures/records/${name}.hex`, import.meta.url)
  return Buffer.from(readFileSync(fileURLToPath(url), 'utf8').trim(), 'hex')
}

async function kafkajsEncode(compression: number): Promise<Buffer> {
  const records = [
    KjsRecord({ offsetDelta: 0, timestampDelta: 0, key: Buffer.from('k0'), value: Buffer.from('v0'), headers: { a: Buffer.from('1') } }),
    KjsRecord({ offsetDelta: 1, timestampDelta: 7, key: null, value: Buffer.from('v1') }),
    KjsRecord({ offsetDelta: 2, timestampDelta: 9, key: Buffer.from('k2'), value: null }),
  ]
  const enc = await RecordBatch({
    compression, firstOffset: Long.fromInt(0), firstTimestamp: T0, maxTimestamp: T0 + 9,
    lastOffsetDelta: 2, producerId: Long.fromValue(-1), records,
  })
  return enc.buffer
}

describe('kafkajs interop', () => {
  for (const [name, codec] of [['none', 0], ['gzip', 1]] as const) {
    it(`decodes a live kafkajs batch (${name}) and validates it as a produce`, async () => {
      const buf = await kafkajsEncode(codec)
      expect(validateProducedRecords(buf, 1 << 20).errorCode).toBe(0)
      const batch = await decodeBatch(buf, { verifyCrc: true })
      expect(batch.records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString() ?? null])).toEqual([
        [0n, 1_700_000_000_000n, 'k0', 'v0'],
        [1n, 1_700_000_000_007n, null, 'v1'],
        [2n, 1_700_000_000_009n, 'k2', null],
      ])
      expect(batch.records[0]!.headers).toEqual([{ key: 'a', value: Buffer.from('1') }])
    })

    it(`decodes the stored kafkajs golden batch (${name}) with repeated header keys`, async () => {
      const buf = fixture(`kafkajs-2.2.4-batch-${name}`)
      expect(validateProducedRecords(buf, 1 << 20).errorCode).toBe(0)
      const batch = await decodeBatch(buf, { verifyCrc: true })
      expect(batch.records[0]!.headers.map((h) => [h.key, h.value?.toString()])).toEqual([['a', '1'], ['b', 'x'], ['b', 'y']])
      expect(batch.records[2]!).toMatchObject({ offset: 2n, timestamp: 1_700_000_001_000n, value: null })
    })

    it(`kafkajs decodes our batch (${name})`, async () => {
      const buf = await encodeBatch(
        [
          { key: 'k0', value: 'v0', headers: [{ key: 'h', value: 'x' }], timestamp: 1_700_000_000_000n },
          { key: null, value: 'v1', timestamp: 1_700_000_000_005n },
          { key: 'k2', value: null, timestamp: 1_699_999_999_999n },
        ],
        { compression: codec, baseOffset: 100n },
      )
      const { records } = await kjsDecodeBatch(new KjsDecoder(buf))
      expect(records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString() ?? null])).toEqual([
        ['100', '1700000000000', 'k0', 'v0'],
        ['101', '1700000000005', null, 'v1'],
        ['102', '1699999999999', 'k2', null],
      ])
      expect(records[0]!.headers).toEqual({ h: Buffer.from('x') })
    })
  }

  it('produces byte-identical uncompressed batches to kafkajs for the same input', async () => {
    const theirs = await kafkajsEncode(Compression.None)
    const ours = await encodeBatch(
      [
        { key: 'k0', value: 'v0', headers: [{ key: 'a', value: '1' }], timestamp: 1_700_000_000_000n },
        { key: null, value: 'v1', timestamp: 1_700_000_000_007n },
        { key: 'k2', value: null, timestamp: 1_700_000_000_009n },
      ],
      // kafkajs writes leader epoch 0, producer epoch 0 and sequence 0 where we default to -1.
      { partitionLeaderEpoch: 0, producerEpoch: 0, baseSequence: 0 },
    )
    expect(ours.toString('hex')).toBe(theirs.toString('hex'))
  })
})
