// fuzz-frames.ts: seeds (valid requests of several APIs and versions) and the mutations the fuzz test sends.
import { ApiKey } from '../../core/protocol/api-keys'
import { encodeBatch } from '../../core/protocol/records'
import { apiVersionsFrame, createTopicsFrame, fetchFrame, findCoordinatorFrame, listOffsetsFrame, metadataFrame, produceFrame } from './frames'
import { requestFrame } from './raw-client'

export type Rng = () => number

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed with BROOKLET_FUZZ_SEED. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const int = (rng: Rng, n: number) => Math.floor(rng() * n)
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)]!

/** Valid requests against topics the fuzz producer never writes to (a mutation must not touch its log). */
export async function seedFrames(target: string): Promise<Buffer[]> {
  const plain = await encodeBatch([{ key: 'k', value: 'v', headers: [{ key: 'h', value: 'x' }] }, { value: 'second' }])
  const gzip = await encodeBatch([{ key: 'z', value: 'compressed'.repeat(20) }], { compression: 1 })
  const seeds: Buffer[] = []
  for (const v of [0, 1, 2, 3]) seeds.push(apiVersionsFrame(v, 1))
  for (const v of [0, 1, 4, 9, 12]) seeds.push(metadataFrame(v, 2, [target]), metadataFrame(v, 3, v === 0 ? [] : null))
  for (const v of [3, 7, 9, 11]) seeds.push(produceFrame(v, 4, target, 0, plain, 1), produceFrame(v, 5, target, 1, gzip, -1))
  for (const v of [4, 7, 11, 12]) seeds.push(fetchFrame(v, 6, target, 0, 0n, 0))
  for (const v of [1, 2, 5, 7]) seeds.push(listOffsetsFrame(v, 7, target, [0, 1], -1n), listOffsetsFrame(v, 8, target, [0], -2n))
  for (const v of [2, 5, 7]) seeds.push(createTopicsFrame(v, 9, `${target}-ct${v}`, 2))
  for (const v of [0, 1, 3, 4]) seeds.push(findCoordinatorFrame(v, 10, `${target}-group`))
  return seeds
}

/** Hand-made hostile frames: negative array lengths, huge prefixes, HTTP. */
export function hostileFrames(target: string): Buffer[] {
  const negativeArray = (apiKey: number, version: number, fill: (w: import('../../core/protocol/wire/writer').Writer) => void) =>
    requestFrame(apiKey, version, 77, fill)
  return [
    negativeArray(ApiKey.Metadata, 1, (w) => w.int32(-2)),
    negativeArray(ApiKey.Metadata, 0, (w) => w.int32(-0x80000000)),
    negativeArray(ApiKey.Produce, 7, (w) => { w.nullableString(null); w.int16(1); w.int32(1000); w.int32(-5) }),
    negativeArray(ApiKey.Produce, 7, (w) => { w.nullableString(null); w.int16(1); w.int32(1000); w.int32(1); w.string(target); w.int32(-1) }),
    negativeArray(ApiKey.Fetch, 4, (w) => { w.int32(-1); w.int32(0); w.int32(1); w.int32(1 << 20); w.int8(0); w.int32(0x7fffffff) }),
    negativeArray(ApiKey.CreateTopics, 2, (w) => { w.int32(-3); w.int32(1000); w.bool(false) }),
    negativeArray(ApiKey.ListOffsets, 1, (w) => { w.int32(-1); w.int32(-7) }),
    negativeArray(ApiKey.Metadata, 9, (w) => { w.uvarint(0x7fffffff) }),
    Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 18, 0, 0]),
    Buffer.from([0x80, 0, 0, 0, 0, 18]),
    Buffer.from([0x06, 0, 0, 0, 1, 2, 3]),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: fuzz\r\n\r\n'),
  ]
}

function withPrefix(body: Buffer): Buffer {
  const out = Buffer.alloc(4 + body.length)
  out.writeInt32BE(body.length, 0)
  body.copy(out, 4)
  return out
}

const HOSTILE_INT32 = [-1, -2, -1000, -0x80000000, 0x7fffffff, 0x10000000, 1_000_000]

/** One mutated frame derived from a seed; the strategy is chosen at random. */
export function mutate(rng: Rng, seeds: readonly Buffer[]): Buffer {
  const seed = Buffer.from(pick(rng, seeds))
  const body = seed.subarray(4)
  switch (int(rng, 9)) {
    case 0: { // flip a few bytes of the body, keep the size prefix right
      for (let n = 1 + int(rng, 4); n > 0; n--) body[int(rng, body.length)] = int(rng, 256)
      return seed
    }
    case 1: // truncate, with the prefix fixed to the shorter length
      return withPrefix(body.subarray(0, int(rng, body.length)))
    case 2: // truncate but keep the original prefix: the broker waits for bytes that never come
      return seed.subarray(0, 4 + int(rng, body.length))
    case 3: { // a hostile int32 (array length, string length, partition count ...) somewhere in the body
      if (body.length >= 4) body.writeInt32BE(pick(rng, HOSTILE_INT32), int(rng, body.length - 3))
      return seed
    }
    case 4: { // a negative int16 (string lengths) somewhere after the header's api key/version
      if (body.length >= 6) body.writeInt16BE(-1 - int(rng, 3000), 4 + int(rng, body.length - 5))
      return seed
    }
    case 5: { // another API key or version on a valid body
      body.writeInt16BE(int(rng, 70), 0)
      body.writeInt16BE(int(rng, 20) - 2, 2)
      return seed
    }
    case 6: // random bytes behind a correct prefix
      return withPrefix(Buffer.from(Array.from({ length: int(rng, 300) }, () => int(rng, 256))))
    case 7: // random bytes with no framing at all
      return Buffer.from(Array.from({ length: 1 + int(rng, 64) }, () => int(rng, 256)))
    default: { // a size prefix that lies by a little
      seed.writeInt32BE(body.length + int(rng, 9) - 4, 0)
      return seed
    }
  }
}
