import { describe, expect, it } from 'vitest'
import { Reader } from './reader'
import { BY_REFERENCE_BYTES, Writer } from './writer'

describe('Writer', () => {
  it('grows by doubling and round-trips every primitive', () => {
    const w = new Writer(16)
    for (let i = 0; i < 100; i++) {
      w.int8(-2); w.int16(-300); w.int32(-70000); w.int64(-5n); w.uint16(65535); w.uint32(4294967295)
      w.float64(-0.5); w.bool(true); w.uuid('00112233445566778899aabbccddeeff')
      w.string('héllo'); w.nullableString(null); w.compactString(''); w.compactNullableString(null)
      w.bytes(Buffer.from([9])); w.nullableBytes(null); w.compactBytes(Buffer.alloc(0)); w.compactNullableBytes(null)
    }
    const r = new Reader(w.finish())
    for (let i = 0; i < 100; i++) {
      expect([r.int8(), r.int16(), r.int32(), r.int64(), r.uint16(), r.uint32()]).toEqual([-2, -300, -70000, -5n, 65535, 4294967295])
      expect([r.float64(), r.bool(), r.uuid()]).toEqual([-0.5, true, '00112233445566778899aabbccddeeff'])
      expect([r.string(), r.nullableString(), r.compactString(), r.compactNullableString()]).toEqual(['héllo', null, '', null])
      expect([r.bytes(), r.nullableBytes(), r.compactBytes(), r.compactNullableBytes()]).toEqual([Buffer.from([9]), null, Buffer.alloc(0), null])
    }
    expect(r.ok && r.remaining === 0).toBe(true)
    expect(w.length).toBe(w.finish().length)
  })

  it('encodes uvarint boundaries with 1..5 bytes', () => {
    const cases: [number, string][] = [[0, '00'], [127, '7f'], [128, '8001'], [16384, '808001'], [2 ** 21, '80808001'], [2 ** 28, '8080808001'], [4294967295, 'ffffffff0f']]
    for (const [v, h] of cases) {
      const w = new Writer()
      w.uvarint(v)
      expect(w.finish().toString('hex')).toBe(h)
    }
    expect(() => new Writer().uvarint(-1)).toThrow()
    expect(() => new Writer().uvarint(2 ** 32)).toThrow()
  })

  it('encodes zigzag varints and 10-byte varlongs', () => {
    const one = (fn: (w: Writer) => void) => {
      const w = new Writer()
      fn(w)
      return w.finish().toString('hex')
    }
    expect(one((w) => w.varint(-1))).toBe('01')
    expect(one((w) => w.varint(1))).toBe('02')
    expect(one((w) => w.varint(-2147483648))).toBe('ffffffff0f')
    expect(one((w) => w.varlong(-9223372036854775808n))).toBe('ffffffffffffffffff01')
    expect(one((w) => w.varlong(63n))).toBe('7e')
  })

  it('writes compact and classic arrays, nulls, and tagged fields', () => {
    const w = new Writer()
    w.array([1, 2], (v) => w.int8(v))
    w.nullableArray(null, () => {})
    w.compactArray([3], (v) => w.int8(v))
    w.compactNullableArray(null, () => {})
    w.taggedField(1, (t) => t.int16(7))
    expect(w.finish().toString('hex')).toBe('000000020102' + 'ffffffff' + '0203' + '00' + '01020007')
  })

  it('patches a reserved size prefix', () => {
    const w = new Writer()
    const at = w.reserveInt32()
    w.string('abc')
    w.patchSize(at)
    expect(w.finish().toString('hex')).toBe('00000005' + '0003616263')
  })

  it('rejects unrepresentable values', () => {
    expect(() => new Writer().string('x'.repeat(40000))).toThrow(/int16/)
    expect(() => new Writer().uuid('XYZ')).toThrow(/uuid/)
    expect(() => new Writer().string(null as unknown as string)).toThrow(/null/)
    expect(() => new Writer().array(null as unknown as number[], () => {})).toThrow(/null/)
  })

  it('references large byte values instead of copying them, and patches sizes across pieces', () => {
    const big = Buffer.alloc(BY_REFERENCE_BYTES, 7)
    const w = new Writer(16)
    const frame = w.reserveInt32()
    w.int16(1)
    w.compactBytes(big)
    w.int32(42)
    w.nullableBytes(big)
    w.string('x'.repeat(100))
    w.patchSize(frame)
    const chunks = w.finishChunks()
    expect(chunks.filter((c) => c === big)).toHaveLength(2)
    const all = Buffer.concat(chunks)
    expect(w.finish().equals(all)).toBe(true)
    expect(w.length).toBe(all.length)
    const r = new Reader(all)
    expect(r.int32()).toBe(all.length - 4)
    expect(r.int16()).toBe(1)
    expect(r.compactBytes()!.equals(big)).toBe(true)
    expect(r.int32()).toBe(42)
    expect(r.nullableBytes()!.equals(big)).toBe(true)
    expect(r.string()).toBe('x'.repeat(100))
    expect(r.ok).toBe(true)
  })

  it('patches a size reserved before a referenced value', () => {
    const w = new Writer()
    const at = w.reserveInt32()
    w.raw(Buffer.alloc(BY_REFERENCE_BYTES + 1))
    w.patchSize(at)
    expect(w.finishChunks()[0]!.readInt32BE(0)).toBe(BY_REFERENCE_BYTES + 1)
  })
})
