import { describe, expect, it } from 'vitest'
import { RecordCursor, sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from './varint'

describe('zigzag varints', () => {
  it('round-trips int32 edge values with the right sizes', () => {
    const cases: [number, number][] = [[0, 1], [-1, 1], [1, 1], [63, 1], [-64, 1], [64, 2], [2147483647, 5], [-2147483648, 5]]
    for (const [n, size] of cases) {
      const buf = Buffer.alloc(5)
      expect(writeVarint(buf, 0, n)).toBe(size)
      expect(sizeOfVarint(n)).toBe(size)
      expect(new RecordCursor(buf, 0, size).readVarint()).toBe(n)
    }
    expect([...Buffer.from([writeVarint(Buffer.alloc(5), 0, -1)])]).toEqual([1])
  })

  it('round-trips int64 edge values', () => {
    const cases = [0n, -1n, 1n, 1n << 40n, -(1n << 40n), 9223372036854775807n, -9223372036854775808n, 1700000000000n]
    for (const n of cases) {
      const buf = Buffer.alloc(10)
      const end = writeVarlong(buf, 0, n)
      expect(sizeOfVarlong(n)).toBe(end)
      expect(new RecordCursor(buf, 0, end).readVarlong()).toBe(n)
    }
    expect(writeVarlong(Buffer.alloc(10), 0, -9223372036854775808n)).toBe(10)
  })

  it('throws on over-long or truncated varints and bad lengths', () => {
    expect(() => new RecordCursor(Buffer.alloc(6, 0xff), 0, 6).readVarint()).toThrow(/longer/)
    expect(() => new RecordCursor(Buffer.alloc(11, 0xff), 0, 11).readVarlong()).toThrow(/longer/)
    expect(() => new RecordCursor(Buffer.from([0x80]), 0, 1).readVarint()).toThrow(/end of data/)
    expect(() => new RecordCursor(Buffer.alloc(4), 0, 4).readBytes(5)).toThrow(/invalid length/)
    expect(() => new RecordCursor(Buffer.alloc(4), 0, 4).readBytes(-2)).toThrow(/invalid length/)
    expect(new RecordCursor(Buffer.alloc(4), 0, 4).readBytes(-1)).toBeNull()
  })
})
