import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import snappyjs from 'snappyjs'
import { describe, expect, it } from 'vitest'
import { Compression, UnsupportedCompressionError, compress, decompress } from './index'
import { lz4Compress, lz4Decompress } from './lz4'
import { isXerial } from './snappy'

const require = createRequire(import.meta.url)
const lz4js = require('lz4js') as { compress(b: Uint8Array): Uint8Array; decompress(b: Uint8Array): Uint8Array }

function fixture(name: string): Buffer {
  const url = new URL(`../../fixtures/records/${name}.hex`, import.meta.url)
  return Buffer.from(readFileSync(fileURLToPath(url), 'utf8').trim(), 'hex')
}

// The payload the CLI fixtures were made from (see fixtures/records/README.md).
function fixturePayload(): Buffer {
  const b = Buffer.alloc(100000)
  for (let i = 0; i < b.length; i++) b[i] = (i * 31 + (i >> 10)) & 0xff
  return b
}

function samples(): Buffer[] {
  const text = Buffer.from('the quick brown fox jumps over the lazy dog '.repeat(5000))
  return [Buffer.alloc(0), Buffer.from('x'), Buffer.from('hello world, hello world!'), randomBytes(70_000), text, fixturePayload()]
}

describe('codecs', () => {
  for (const [name, codec] of Object.entries(Compression)) {
    it(`round-trips ${name}`, async () => {
      for (const s of samples()) expect((await decompress(codec, await compress(codec, s))).equals(s)).toBe(true)
    })
  }

  it('throws a typed error for codecs 5-7', async () => {
    await expect(compress(5, Buffer.alloc(1))).rejects.toBeInstanceOf(UnsupportedCompressionError)
    await expect(decompress(7, Buffer.alloc(1))).rejects.toMatchObject({ codec: 7 })
  })

  it('bounds decompressed size', async () => {
    const big = Buffer.alloc(1 << 20)
    for (const codec of [1, 2, 3, 4]) {
      await expect(decompress(codec, await compress(codec, big), 1000)).rejects.toThrow()
    }
  })
})

describe('snappy', () => {
  it('writes xerial framing in 32 KiB chunks', async () => {
    const out = await compress(Compression.Snappy, randomBytes(100_000))
    expect(isXerial(out)).toBe(true)
    expect(out.readInt32BE(8)).toBe(1)
    expect(out.readInt32BE(12)).toBe(1)
  })

  it('reads raw snappy (librdkafka, kafkajs-snappy)', async () => {
    const data = Buffer.from('raw snappy block '.repeat(1000))
    expect((await decompress(Compression.Snappy, snappyjs.compress(data))).equals(data)).toBe(true)
  })

  it('reads a hand-built xerial stream (Java client) with several chunks', async () => {
    const a = Buffer.from('first chunk '.repeat(100))
    const b = Buffer.from('second chunk '.repeat(100))
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1])
    const parts: Buffer[] = [header]
    for (const c of [a, b]) {
      const block = snappyjs.compress(c)
      const len = Buffer.alloc(4)
      len.writeInt32BE(block.length)
      parts.push(len, block)
    }
    expect((await decompress(Compression.Snappy, Buffer.concat(parts))).equals(Buffer.concat([a, b]))).toBe(true)
    await expect(decompress(Compression.Snappy, Buffer.concat(parts).subarray(0, 30))).rejects.toThrow()
  })
})

describe('lz4 frames', () => {
  const payload = fixturePayload()
  for (const name of [
    'lz4-cli-256k-independent-contentsum',
    'lz4-cli-64k-blocksum-contentsize-contentsum',
    'lz4-cli-64k-linked-blocksum-contentsize',
    'lz4-cli-64k-linked-contentsum',
    'lz4-cli-64k-independent-nochecksum',
  ]) {
    it(`decodes ${name}`, () => {
      expect(lz4Decompress(fixture(name), 1 << 20).equals(payload)).toBe(true)
    })
  }

  it('detects corrupted content and header checksums', () => {
    const f = fixture('lz4-cli-64k-linked-contentsum')
    const badContent = Buffer.from(f)
    badContent[badContent.length - 1]! ^= 1
    expect(() => lz4Decompress(badContent, 1 << 20)).toThrow(/checksum/)
    const badHeader = Buffer.from(f)
    badHeader[6]! ^= 1
    expect(() => lz4Decompress(badHeader, 1 << 20)).toThrow(/header checksum/)
  })

  it('interoperates with lz4js in both directions', () => {
    for (const s of samples().slice(1)) {
      expect(Buffer.from(lz4js.decompress(lz4Compress(s))).equals(s)).toBe(true)
      expect(lz4Decompress(Buffer.from(lz4js.compress(s)), 1 << 24).equals(s)).toBe(true)
    }
  })

  it('writes the Java client layout: 64 KiB independent blocks, no checksums', () => {
    const out = lz4Compress(payload)
    expect(out.readUInt32LE(0)).toBe(0x184d2204)
    expect(out[4]).toBe(0x60)
    expect(out[5]).toBe(0x40)
  })

  it('never crashes or hangs on garbage', () => {
    const good = lz4Compress(fixturePayload())
    for (let i = 0; i < 200; i++) {
      const bad = Buffer.from(good)
      bad[7 + ((i * 7919) % (bad.length - 7))] = i & 0xff
      try {
        lz4Decompress(bad, 1 << 20)
      } catch (err) {
        expect(err).toBeInstanceOf(Error)
      }
    }
  })
})

// The reference lz4 tool (lz4 1.9.x, same liblz4 as librdkafka links) must read what we write.
const lz4Cli = spawnSync('lz4', ['--version'], { timeout: 5000 }).status === 0
if (!lz4Cli) console.warn('SKIPPED: lz4 CLI not installed; reference decoder check of our LZ4 frames not run')

describe('lz4 frames vs the reference lz4 CLI', () => {
  it.skipIf(!lz4Cli)('lz4 -d reads our frames', () => {
    for (const s of samples()) {
      const r = spawnSync('lz4', ['-d', '-c'], { input: lz4Compress(s), timeout: 10_000, maxBuffer: 1 << 26 })
      expect(r.status).toBe(0)
      expect(Buffer.from(r.stdout).equals(s)).toBe(true)
    }
  })
})

describe('zstd', () => {
  it('decodes CLI frames with and without a content size', async () => {
    for (const name of ['zstd-cli-stream-no-content-size', 'zstd-cli-with-content-size']) {
      expect((await decompress(Compression.Zstd, fixture(name))).equals(fixturePayload())).toBe(true)
    }
  })
})
