import { describe, expect, it } from 'vitest'
import { Reader } from './reader'
import { Writer } from './writer'

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex')

describe('Reader', () => {
  it('reads fixed-width big-endian primitives', () => {
    const r = new Reader(hex('ff 8000 80000000 ffffffffffffffff ffff ffffffff 3ff8000000000000 01'))
    expect([r.int8(), r.int16(), r.int32(), r.int64()]).toEqual([-1, -32768, -2147483648, -1n])
    expect([r.uint16(), r.uint32(), r.float64(), r.bool()]).toEqual([65535, 4294967295, 1.5, true])
    expect(r.ok).toBe(true)
    expect(r.remaining).toBe(0)
  })

  it('is sticky after an underflow and returns zero values', () => {
    const r = new Reader(hex('0001 02'))
    expect(r.int16()).toBe(1)
    expect(r.int32()).toBe(0)
    expect(r.ok).toBe(false)
    expect([r.int8(), r.int64(), r.string(), r.nullableBytes(), r.uuid()]).toEqual([0, 0n, '', Buffer.alloc(0), '0'.repeat(32)])
    expect(r.ok).toBe(false)
  })

  it('reads unsigned varints of 1..5 bytes and rejects overlong ones', () => {
    const cases: [string, number][] = [['00', 0], ['7f', 127], ['8001', 128], ['ff7f', 16383], ['ffffffff0f', 4294967295]]
    for (const [h, v] of cases) {
      const r = new Reader(hex(h))
      expect(r.uvarint()).toBe(v)
      expect(r.ok && r.remaining === 0).toBe(true)
    }
    expect(new Reader(hex('ffffffff1f')).uvarint()).toBe(0) // 33 bits
    const over = new Reader(hex('8080808080'))
    over.uvarint()
    expect(over.ok).toBe(false)
  })

  it('decodes zigzag varint and 10-byte varlong', () => {
    const w = new Writer()
    for (const v of [0, -1, 1, -64, 64, 2147483647, -2147483648]) w.varint(v)
    for (const v of [0n, -1n, 9223372036854775807n, -9223372036854775808n]) w.varlong(v)
    const r = new Reader(w.finish())
    expect([0, 1, 2, 3, 4, 5, 6].map(() => r.varint())).toEqual([0, -1, 1, -64, 64, 2147483647, -2147483648])
    expect([0, 1, 2, 3].map(() => r.varlong())).toEqual([0n, -1n, 9223372036854775807n, -9223372036854775808n])
    expect(r.ok && r.remaining === 0).toBe(true)
    expect(hex('feffffffffffffffff01').length).toBe(10)
    expect(new Reader(hex('feffffffffffffffff01')).varlong()).toBe(9223372036854775807n)
    const bad = new Reader(hex('ffffffffffffffffff7f'))
    bad.varlong()
    expect(bad.ok).toBe(false)
  })

  it('reads strings, bytes (as views) and their null forms', () => {
    const buf = hex('0003616263 ffff 04616263 00 00000002 0102 ffffffff 03 0102 00')
    const r = new Reader(buf)
    expect(r.string()).toBe('abc')
    expect(r.nullableString()).toBeNull()
    expect(r.compactString()).toBe('abc')
    expect(r.compactNullableString()).toBeNull()
    const b = r.bytes()
    expect(b.buffer).toBe(buf.buffer) // a view, not a copy
    expect([...b]).toEqual([1, 2])
    expect(r.nullableBytes()).toBeNull()
    expect([...r.compactBytes()]).toEqual([1, 2])
    expect(r.compactNullableBytes()).toBeNull()
    expect(r.ok && r.remaining === 0).toBe(true)
  })

  it('fails on null or negative lengths where not allowed, and on lengths beyond the buffer', () => {
    for (const read of [(r: Reader) => r.string(), (r: Reader) => r.bytes(), (r: Reader) => r.compactString()]) {
      const r = new Reader(hex('ffffffff 00'))
      read(r)
      expect(r.ok).toBe(false)
    }
    const neg = new Reader(hex('fffffffe'))
    expect(neg.nullableBytes()).toEqual(Buffer.alloc(0))
    expect(neg.ok).toBe(false)
    const huge = new Reader(hex('7fffffff 00'))
    expect(huge.bytes().length).toBe(0)
    expect(huge.ok).toBe(false)
  })

  it('guards array counts before allocating', () => {
    const huge = new Reader(hex('7fffffff 00000001'))
    expect(huge.array(() => huge.int32())).toEqual([])
    expect(huge.ok).toBe(false)
    const neg = new Reader(hex('fffffffe'))
    expect(neg.nullableArray(() => neg.int8())).toBeNull()
    expect(neg.ok).toBe(false)
    const nul = new Reader(hex('ffffffff 00'))
    expect(nul.nullableArray(() => nul.int8())).toBeNull()
    expect(nul.ok).toBe(true)
    const compact = new Reader(hex('03 01 02 00'))
    expect(compact.compactArray(() => compact.int8())).toEqual([1, 2])
    expect(compact.compactNullableArray(() => compact.int8())).toBeNull()
    expect(compact.ok).toBe(true)
    const nonNull = new Reader(hex('00'))
    nonNull.compactArray(() => 0)
    expect(nonNull.ok).toBe(false)
  })

  it('reads tagged fields through bounded sub-readers and skips unknown tags', () => {
    // two fields: tag 0 (int16 = 7, plus one trailing byte the callback ignores), tag 5 (3 bytes)
    const buf = hex('02 00 03 0007ff 05 03 aabbcc 99')
    const seen: [number, number][] = []
    const r = new Reader(buf)
    r.readTaggedFields((tag, t) => {
      if (tag === 0) seen.push([tag, t.int16()])
    })
    expect(seen).toEqual([[0, 7]])
    expect(r.uint8()).toBe(0x99)
    const s = new Reader(buf)
    s.skipTaggedFields()
    expect(s.uint8()).toBe(0x99)
    const truncated = new Reader(hex('01 00 05 00'))
    truncated.skipTaggedFields()
    expect(truncated.ok).toBe(false)
  })
})
