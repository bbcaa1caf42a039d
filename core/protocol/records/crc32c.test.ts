import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { crc32c, crc32cUpdate } from './crc32c'

const require = createRequire(import.meta.url)
const kafkajsCrc = require('kafkajs/src/protocol/recordBatch/crc32C') as (b: Buffer) => number

function bitwise(b: Buffer): number {
  let c = -1
  for (const byte of b) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1
  }
  return (c ^ -1) >>> 0
}

describe('crc32c', () => {
  it('matches the standard check value and the RFC 3720 (iSCSI) vectors', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283)
    expect(crc32c(Buffer.alloc(0))).toBe(0)
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa)
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43)
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i)))).toBe(0x46dd794e)
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)))).toBe(0x113fdb5c)
  })

  it('agrees with a bitwise reference and kafkajs on random data, lengths and sub-ranges', () => {
    for (let len = 0; len < 300; len += 7) {
      const b = randomBytes(len + 20)
      const sub = b.subarray(3, 3 + len)
      expect(crc32c(b, 3, 3 + len)).toBe(bitwise(sub))
      expect(crc32c(sub)).toBe(kafkajsCrc(Buffer.from(sub)) >>> 0)
    }
  })

  it('continues a running checksum', () => {
    const b = randomBytes(1000)
    expect(crc32cUpdate(crc32c(b, 0, 333), b, 333)).toBe(crc32c(b))
  })

  it('rejects ranges outside the buffer', () => {
    expect(() => crc32c(Buffer.alloc(4), 0, 5)).toThrow(RangeError)
  })
})
