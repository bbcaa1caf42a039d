// frame.ts: size-prefixed frames and request/response header versions (README "Headers and framing").
import { ApiKey } from './api-keys'
import { ApiMetas } from './generated'
import type { Reader } from './wire/reader'
import { Writer } from './wire/writer'

export interface RequestHeader {
  apiKey: number
  apiVersion: number
  correlationId: number
  clientId: string | null
}

const FLEXIBLE_FROM = new Map<number, number | null>(ApiMetas.map((m) => [m.apiKey, m.flexibleFrom]))

/** Is this body version encoded with KIP-482 compact types? Unknown API keys count as not flexible.
 * Versions above our max stay flexible, because flexibleVersions ranges are always open-ended ("N+"). */
export function isFlexibleVersion(apiKey: number, version: number): boolean {
  const from = FLEXIBLE_FROM.get(apiKey)
  return from !== undefined && from !== null && version >= from
}

/** Request header v2 (with tagged fields) exactly when the body is flexible. ApiVersions v3+ is always
 * treated as flexible, even above our max, so that a newer client's request can still be parsed and
 * answered with UNSUPPORTED_VERSION (KIP-511). */
export function requestHeaderIsFlexible(apiKey: number, apiVersion: number): boolean {
  if (apiKey === ApiKey.ApiVersions) return apiVersion >= 3
  return isFlexibleVersion(apiKey, apiVersion)
}

/** Response header v1 when the body is flexible, except ApiVersions: always header v0, so a client can read
 * it before it knows what the broker supports (ApiVersionsResponse.json comment). */
export function responseHeaderIsFlexible(apiKey: number, apiVersion: number): boolean {
  if (apiKey === ApiKey.ApiVersions) return false
  return isFlexibleVersion(apiKey, apiVersion)
}

/** Header v1/v2. The client id is ALWAYS an int16-length nullable string, also in v2
 * (RequestHeader.json: ClientId has flexibleVersions "none"); v2 only appends a tagged-field section. */
export function readRequestHeader(
  r: Reader,
  isFlexible: (apiKey: number, apiVersion: number) => boolean = isFlexibleVersion,
): RequestHeader {
  const apiKey = r.int16()
  const apiVersion = r.int16()
  const correlationId = r.int32()
  const clientId = r.nullableString()
  const flexible = isFlexible(apiKey, apiVersion) || (apiKey === ApiKey.ApiVersions && apiVersion >= 3)
  if (flexible) r.skipTaggedFields()
  return { apiKey, apiVersion, correlationId, clientId }
}

export function writeRequestHeader(w: Writer, h: RequestHeader, flexible: boolean): void {
  w.int16(h.apiKey)
  w.int16(h.apiVersion)
  w.int32(h.correlationId)
  w.nullableString(h.clientId)
  if (flexible) w.uvarint(0)
}

/** Response header v0 = correlation id; v1 adds an (empty) tagged-field section. */
export function writeResponseHeader(w: Writer, correlationId: number, flexible: boolean): void {
  w.int32(correlationId)
  if (flexible) w.uvarint(0)
}

export function readResponseHeader(r: Reader, flexible: boolean): { correlationId: number } {
  const correlationId = r.int32()
  if (flexible) r.skipTaggedFields()
  return { correlationId }
}

/** Builds a complete size-prefixed frame: int32 size, then whatever `fn` writes. */
export function encodeFrame(fn: (w: Writer) => void): Buffer {
  const w = new Writer()
  const at = w.reserveInt32()
  fn(w)
  w.patchSize(at)
  return w.finish()
}
