/**
 * Lazy decoding of the raw frames the broker hands the inspector: request and response bodies through the
 * generated readers (core/protocol/generated), turned into plain JSON. Record batches become summaries
 * (count, codec, offsets, bytes) and never raw dumps; int64 values become decimal strings.
 */
import { apiKeyName } from '../../../core/protocol/api-keys'
import { isFlexibleVersion, readRequestHeader, readResponseHeader, responseHeaderIsFlexible } from '../../../core/protocol/frame'
import * as generated from '../../../core/protocol/generated'
import { batchesIn, lastOffset } from '../../../core/protocol/records/batch-header'
import { Reader } from '../../../core/protocol/wire/reader'
import type { DecodedValue, RecordBatchSummary } from '../../ipc/contract'

type BodyReader = (r: Reader, version: number) => unknown

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd']
/** Non-record byte fields (assignments, subscriptions, SASL tokens) show this many bytes as hex. */
const BYTES_PREVIEW = 32

function readerFor(apiKey: number, side: 'Request' | 'Response'): BodyReader | undefined {
  const fn = (generated as unknown as Record<string, unknown>)[`read${apiKeyName(apiKey)}${side}`]
  return typeof fn === 'function' ? (fn as BodyReader) : undefined
}

export function summarizeRecords(buf: Buffer): RecordBatchSummary {
  const batches: RecordBatchSummary['batches'] = []
  let consumed = 0
  try {
    for (const { size, header: h } of batchesIn(buf)) {
      batches.push({
        baseOffset: h.baseOffset.toString(), lastOffset: lastOffset(h).toString(), records: h.recordCount,
        codec: CODECS[h.compression] ?? `invalid(${h.compression})`, bytes: size, transactional: h.isTransactional,
        control: h.isControl, producerId: h.producerId.toString(),
      })
      consumed += size
    }
  } catch {
    // A corrupt batch length: report what was framed so far and count the rest as partial.
  }
  return { kind: 'record-batches', bytes: buf.length, batches, partialBytes: buf.length - consumed }
}

/** Plain JSON for a decoded message: bigint -> string, `records` -> batch summaries, other bytes -> size + hex prefix. */
export function toDecodedValue(value: unknown, field = ''): DecodedValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value
  if (Buffer.isBuffer(value)) {
    if (field === 'records') return summarizeRecords(value) as unknown as DecodedValue
    return { kind: 'bytes', size: value.length, hex: value.subarray(0, BYTES_PREVIEW).toString('hex') + (value.length > BYTES_PREVIEW ? '…' : '') }
  }
  if (Array.isArray(value)) return value.map((v) => toDecodedValue(v, field))
  if (typeof value === 'object') {
    const out: Record<string, DecodedValue> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toDecodedValue(v, k)
    return out
  }
  return String(value)
}

export type Decoded<T = unknown> = { ok: true; value: T } | { ok: false; note: string }

/** Decodes a request frame (header + body) into the generated request object. */
export function decodeRequestBody(frame: Buffer): Decoded {
  const r = new Reader(frame)
  const header = readRequestHeader(r, isFlexibleVersion)
  if (!r.ok) return { ok: false, note: 'request header is truncated' }
  const read = readerFor(header.apiKey, 'Request')
  if (!read) return { ok: false, note: `no decoder for ${apiKeyName(header.apiKey)}` }
  const value = safeRead(read, r, header.apiVersion)
  return r.ok && value !== undefined ? { ok: true, value } : { ok: false, note: `${apiKeyName(header.apiKey)} v${header.apiVersion} request did not decode` }
}

/** Decodes a response (after its size prefix) of the given API and version. */
export function decodeResponseBody(apiKey: number, apiVersion: number, buf: Buffer): Decoded {
  const r = new Reader(buf)
  readResponseHeader(r, responseHeaderIsFlexible(apiKey, apiVersion))
  const read = readerFor(apiKey, 'Response')
  if (!read) return { ok: false, note: `no decoder for ${apiKeyName(apiKey)}` }
  const value = safeRead(read, r, apiVersion)
  // An unsupported-version answer is an ApiVersions v0 body, which the API's own reader rejects.
  return r.ok && value !== undefined ? { ok: true, value } : { ok: false, note: `${apiKeyName(apiKey)} v${apiVersion} response did not decode (unsupported version answer?)` }
}

function safeRead(read: BodyReader, r: Reader, version: number): unknown {
  try {
    return read(r, version)
  } catch {
    r.fail()
    return undefined
  }
}

/** The message's top-level errorCode if non-zero, else the first non-zero errorCode found depth-first; 0 if none. */
export function firstErrorCode(message: unknown): number {
  if (typeof message !== 'object' || message === null) return 0
  const top = (message as { errorCode?: unknown }).errorCode
  if (typeof top === 'number' && top !== 0) return top
  for (const v of Object.values(message as Record<string, unknown>)) {
    if (!Array.isArray(v)) continue
    for (const item of v) {
      const code = firstErrorCode(item)
      if (code !== 0) return code
    }
  }
  return 0
}

/** Topic names a Produce (topicData[].name) or Fetch (topics[].topic, v0-12) request names. */
export function requestTopics(apiKey: number, message: unknown): string[] {
  const m = message as { topicData?: { name: string }[]; topics?: { topic: string }[] }
  if (apiKey === 0) return (m.topicData ?? []).map((t) => t.name)
  if (apiKey === 1) return (m.topics ?? []).map((t) => t.topic).filter((t) => t !== '')
  return []
}
