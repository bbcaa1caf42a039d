// fuzz-seeds.ts: frames for every API and version the broker advertises (read from its ApiVersions answer),
// built with the generated writers from default messages whose scalar fields are filled at random, plus
// per-API hostile bodies: negative array lengths, unterminated varints, size prefixes near the cap.
import * as generated from '../../core/protocol/generated'
import { ApiMetas, readApiVersionsResponse } from '../../core/protocol/generated'
import { isFlexibleVersion } from '../../core/protocol/frame'
import type { Writer } from '../../core/protocol/wire/writer'
import { apiVersionsFrame } from '../clients/frames'
import type { Rng } from '../clients/fuzz-frames'
import { RawConnection, requestFrame } from '../clients/raw-client'

export interface AdvertisedApi { apiKey: number; minVersion: number; maxVersion: number }

export async function advertisedApis(port: number): Promise<AdvertisedApi[]> {
  const c = await RawConnection.open('127.0.0.1', port)
  try {
    const response = readApiVersionsResponse(await c.exchange(apiVersionsFrame(3, 1)), 3)
    return response.apiKeys.map((k) => ({ apiKey: k.apiKey, minVersion: k.minVersion, maxVersion: k.maxVersion }))
  } finally {
    c.destroy()
  }
}

type Message = Record<string, unknown>
type Codec = { defaults: () => Message; write: (w: Writer, version: number, msg: Message) => void }

function codecFor(apiKey: number): Codec | undefined {
  const meta = ApiMetas.find((m) => m.apiKey === apiKey)
  const lib = generated as unknown as Record<string, unknown>
  const defaults = meta && lib[`default${meta.name}Request`]
  const write = meta && lib[`write${meta.name}Request`]
  return typeof defaults === 'function' && typeof write === 'function' ? { defaults, write } as Codec : undefined
}

/** Random values for the scalar fields; names point at the fuzz target so nothing healthy is touched. */
function fillScalars(rng: Rng, msg: Message, names: readonly string[]): Message {
  const out: Message = { ...msg }
  for (const [key, value] of Object.entries(msg)) {
    if (typeof value === 'number') out[key] = Math.floor(rng() * 4) - 1
    else if (typeof value === 'bigint') out[key] = BigInt(Math.floor(rng() * 10) - 2)
    else if (typeof value === 'boolean') out[key] = rng() < 0.5
    else if (typeof value === 'string' && !/^0{32}$/.test(value) && !/id$/i.test(key)) out[key] = names[Math.floor(rng() * names.length)]!
  }
  return out
}

/** One valid frame per advertised (API, version), several with different random fills. */
export function advertisedFrames(rng: Rng, apis: readonly AdvertisedApi[], names: readonly string[], fills = 3): Buffer[] {
  const frames: Buffer[] = []
  for (const api of apis) {
    const codec = codecFor(api.apiKey)
    if (!codec) continue
    for (let v = api.minVersion; v <= api.maxVersion; v++) {
      for (let i = 0; i < fills; i++) {
        const msg = i === 0 ? codec.defaults() : fillScalars(rng, codec.defaults(), names)
        try {
          frames.push(requestFrame(api.apiKey, v, 1000 + frames.length, (w) => codec.write(w, v, msg)))
        } catch {
          // A random fill the writer cannot encode (out of a field's range): the default frame covers it.
        }
      }
    }
  }
  return frames
}

/** For every API and version: a body opening with a negative array length, and one with a varint that never ends. */
export function hostileBodies(rng: Rng, apis: readonly AdvertisedApi[]): Buffer[] {
  const frames: Buffer[] = []
  for (const api of apis) {
    for (let v = api.minVersion; v <= api.maxVersion; v++) {
      const negative = -1 - Math.floor(rng() * 0x7ffffffe)
      frames.push(requestFrame(api.apiKey, v, 7, (w) => w.int32(negative)))
      if (isFlexibleVersion(api.apiKey, v)) {
        frames.push(requestFrame(api.apiKey, v, 8, (w) => { for (let i = 0; i < 12; i++) w.int8(-1) }))
        frames.push(requestFrame(api.apiKey, v, 9, (w) => { w.int8(-128); w.int8(-128); w.int8(-128); w.int8(-128); w.int8(-128); w.int8(1) }))
      }
    }
  }
  return frames
}

/** Size prefixes just under and far over the cap, with a few body bytes and then nothing. */
export function hugePrefixFrames(maxFrameBytes: number): Buffer[] {
  return [maxFrameBytes, maxFrameBytes - 1, maxFrameBytes + 1, 0x7fffffff, -1, -0x80000000].map((size) => {
    const b = Buffer.alloc(14)
    b.writeInt32BE(size | 0, 0)
    b.writeInt16BE(0, 4)
    b.writeInt16BE(9, 6)
    return b
  })
}
