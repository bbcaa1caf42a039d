import { describe, expect, it } from 'vitest'
import { BatchField, encodeBatch, validateProducedRecords, writeBatchCrc } from './index'

const MAX = 1 << 20

async function batch(n = 3, compression = 0): Promise<Buffer> {
  return encodeBatch(Array.from({ length: n }, (_, i) => ({ value: `v${i}` })), { compression })
}

/** Mutates a field inside the CRC range and re-signs, so only the rule under test fails. */
function patch(buf: Buffer, fn: (b: Buffer) => void): Buffer {
  const b = Buffer.from(buf)
  fn(b)
  writeBatchCrc(b)
  return b
}

describe('validateProducedRecords', () => {
  it('accepts a well-formed batch whatever its baseOffset, returning the header', async () => {
    const b = await batch()
    b.writeBigInt64BE(12345n, 0)
    const v = validateProducedRecords(b, MAX)
    expect(v.errorCode).toBe(0)
    expect(v.header?.recordCount).toBe(3)
  })

  it('rejects a bad CRC with CORRUPT_MESSAGE', async () => {
    const b = await batch()
    b[b.length - 1]! ^= 0xff
    expect(validateProducedRecords(b, MAX)).toMatchObject({ errorCode: 2, message: expect.stringMatching(/CRC/) })
  })

  it('rejects a wrong magic with INVALID_RECORD', async () => {
    const b = await batch()
    b[BatchField.magic] = 1
    expect(validateProducedRecords(b, MAX).errorCode).toBe(87)
  })

  it('rejects truncated input with CORRUPT_MESSAGE', async () => {
    const b = await batch()
    expect(validateProducedRecords(b.subarray(0, b.length - 3), MAX).errorCode).toBe(2)
    expect(validateProducedRecords(b.subarray(0, 40), MAX).errorCode).toBe(2)
    expect(validateProducedRecords(b.subarray(0, 10), MAX).errorCode).toBe(2)
    const short = Buffer.from(b)
    short.writeInt32BE(10, BatchField.batchLength)
    expect(validateProducedRecords(short, MAX).errorCode).toBe(2)
  })

  it('rejects empty records and two batches with INVALID_RECORD, trailing junk with CORRUPT_MESSAGE', async () => {
    const b = await batch()
    expect(validateProducedRecords(Buffer.alloc(0), MAX).errorCode).toBe(87)
    expect(validateProducedRecords(Buffer.concat([b, b]), MAX).errorCode).toBe(87)
    expect(validateProducedRecords(Buffer.concat([b, Buffer.alloc(5)]), MAX).errorCode).toBe(2)
  })

  it('rejects control batches, bad counts and unknown codecs', async () => {
    const b = await batch()
    const control = patch(b, (x) => x.writeInt16BE(0x20, BatchField.attributes))
    expect(validateProducedRecords(control, MAX).errorCode).toBe(87)
    const delta = patch(b, (x) => x.writeInt32BE(5, BatchField.lastOffsetDelta))
    expect(validateProducedRecords(delta, MAX).errorCode).toBe(87)
    const zero = patch(b, (x) => {
      x.writeInt32BE(0, BatchField.recordCount)
      x.writeInt32BE(-1, BatchField.lastOffsetDelta)
    })
    expect(validateProducedRecords(zero, MAX).errorCode).toBe(87)
    const codec = patch(b, (x) => x.writeInt16BE(6, BatchField.attributes))
    expect(validateProducedRecords(codec, MAX).errorCode).toBe(76)
  })

  it('rejects zstd on Produce versions before 7', async () => {
    const b = await batch(2, 4)
    expect(validateProducedRecords(b, MAX, { apiVersion: 6 }).errorCode).toBe(76)
    expect(validateProducedRecords(b, MAX, { apiVersion: 7 }).errorCode).toBe(0)
  })

  it('rejects batches above max.message.bytes with MESSAGE_TOO_LARGE', async () => {
    const b = await batch(50)
    expect(validateProducedRecords(b, b.length).errorCode).toBe(0)
    expect(validateProducedRecords(b, b.length - 1).errorCode).toBe(10)
  })
})
