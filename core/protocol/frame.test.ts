import { describe, expect, it } from 'vitest'
import {
  encodeFrame, isFlexibleVersion, readRequestHeader, requestHeaderIsFlexible, responseHeaderIsFlexible,
  writeRequestHeader, writeResponseHeader,
} from './frame'
import { defaultApiVersionsResponse, readApiVersionsRequest, writeApiVersionsResponse } from './generated'
import { Reader } from './wire/reader'
import { Writer } from './wire/writer'

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex')

// ApiVersions v3 as librdkafka 2.0.2 sends it: header v2 whose client id is still an int16-length string,
// then the compact ClientSoftwareName/ClientSoftwareVersion and an empty tagged-field section.
const LIBRDKAFKA_API_VERSIONS_V3 = hex(`
  0012 0003 00000001 0007 72646b61666b61 00
  0b 6c696272646b61666b61 06 322e302e32 00`)

describe('request headers', () => {
  it('parses the librdkafka ApiVersions v3 frame (header v2, int16 client id)', () => {
    const r = new Reader(LIBRDKAFKA_API_VERSIONS_V3)
    const h = readRequestHeader(r, isFlexibleVersion)
    expect(h).toEqual({ apiKey: 18, apiVersion: 3, correlationId: 1, clientId: 'rdkafka' })
    const body = readApiVersionsRequest(r, 3)
    expect(body).toEqual({ clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' })
    expect(r.ok && r.remaining === 0).toBe(true)
  })

  it('treats ApiVersions above our max as flexible so the header still parses', () => {
    const frame = Buffer.from(LIBRDKAFKA_API_VERSIONS_V3)
    frame.writeInt16BE(9, 2)
    const r = new Reader(frame)
    expect(readRequestHeader(r, () => false).apiVersion).toBe(9)
    expect(r.offset).toBe(18)
    expect(requestHeaderIsFlexible(18, 2)).toBe(false)
  })

  it('reads header v1 with a null client id and round-trips both header versions', () => {
    const r = new Reader(hex('0003 0001 0000002a ffff'))
    expect(readRequestHeader(r)).toEqual({ apiKey: 3, apiVersion: 1, correlationId: 42, clientId: null })
    for (const flexible of [false, true]) {
      const w = new Writer()
      const h = { apiKey: 3, apiVersion: flexible ? 12 : 1, correlationId: 7, clientId: 'c' }
      writeRequestHeader(w, h, flexible)
      const back = new Reader(w.finish())
      expect(readRequestHeader(back)).toEqual(h)
      expect(back.remaining).toBe(0)
    }
  })

  it('derives flexibility from the generated metas', () => {
    expect(isFlexibleVersion(0, 8)).toBe(false)
    expect(isFlexibleVersion(0, 9)).toBe(true)
    expect(isFlexibleVersion(3, 9)).toBe(true)
    expect(isFlexibleVersion(47, 0)).toBe(false)
    expect(isFlexibleVersion(999, 5)).toBe(false)
  })
})

describe('response headers', () => {
  it('encodes an ApiVersions v0 response exactly', () => {
    const w = new Writer()
    writeResponseHeader(w, 1, responseHeaderIsFlexible(18, 0))
    writeApiVersionsResponse(w, 0, { ...defaultApiVersionsResponse(), apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }] })
    expect(w.finish().toString('hex')).toBe('00000001' + '0000' + '00000001' + '0012' + '0000' + '0004')
  })

  it('keeps header v0 for flexible ApiVersions v3 responses', () => {
    expect(responseHeaderIsFlexible(18, 3)).toBe(false)
    const w = new Writer()
    writeResponseHeader(w, 1, responseHeaderIsFlexible(18, 3))
    writeApiVersionsResponse(w, 3, { ...defaultApiVersionsResponse(), apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }] })
    expect(w.finish().toString('hex')).toBe('00000001' + '0000' + '02' + '0012' + '0000' + '0004' + '00' + '00000000' + '00')
  })

  it('adds the tagged-field byte for other flexible responses', () => {
    expect(responseHeaderIsFlexible(3, 9)).toBe(true)
    expect(responseHeaderIsFlexible(3, 8)).toBe(false)
    const w = new Writer()
    writeResponseHeader(w, 5, true)
    expect(w.finish().toString('hex')).toBe('0000000500')
  })
})

describe('framing', () => {
  it('encodes a size prefix', () => {
    expect(encodeFrame((w) => w.int32(1)).toString('hex')).toBe('0000000400000001')
  })
})
