// Round trip of every generated message in every supported version: sample -> write -> read -> equal,
// and write again -> identical bytes. Samples come from walking the spec model (sample.ts).
import { describe, expect, it } from 'vitest'
import * as generated from '../generated'
import { Reader } from '../wire/reader'
import { Writer } from '../wire/writer'
import { APIS, DATA_SCHEMAS } from './apis'
import { resolveSpecDir } from './files'
import { sampleStruct, type Variant } from './sample'
import { loadMessage, type MessageSpec } from './spec'

type ReadFn = (r: Reader, version: number) => unknown
type WriteFn = (w: Writer, version: number, msg: unknown) => void

const codecs = generated as unknown as Record<string, ReadFn | WriteFn | { minVersion: number; maxVersion: number }>
const specDir = resolveSpecDir()

function roundTrip(spec: MessageSpec, version: number, variant: Variant): void {
  const read = codecs[`read${spec.name}`] as ReadFn
  const write = codecs[`write${spec.name}`] as WriteFn
  const msg = sampleStruct(spec.root, version, variant)
  const w = new Writer(16)
  write(w, version, msg)
  const bytes = Buffer.from(w.finish())
  const r = new Reader(bytes)
  const back = read(r, version)
  expect(r.ok).toBe(true)
  expect(r.remaining).toBe(0)
  expect(back).toEqual(msg)
  const w2 = new Writer()
  write(w2, version, back)
  expect(Buffer.compare(w2.finish(), bytes)).toBe(0)
  // Every strict prefix must be rejected by the sticky reader, never throw.
  for (const cut of [0, bytes.length >> 1, bytes.length - 1]) {
    if (cut < 0 || cut >= bytes.length) continue
    const t = new Reader(bytes.subarray(0, cut))
    read(t, version)
    expect(t.ok).toBe(false)
  }
}

const cases: { spec: string; min: number; max: number }[] = []
for (const api of APIS) {
  const meta = codecs[`${api.name}Meta`] as { minVersion: number; maxVersion: number }
  for (const half of ['Request', 'Response']) cases.push({ spec: api.name + half, min: meta.minVersion, max: meta.maxVersion })
}
for (const name of DATA_SCHEMAS) {
  const meta = codecs[`${name}Meta`] as { minVersion: number; maxVersion: number }
  cases.push({ spec: name, min: meta.minVersion, max: meta.maxVersion })
}

describe('generated codecs round trip', () => {
  for (const c of cases) {
    it(`${c.spec} v${c.min}-${c.max}`, () => {
      const spec = loadMessage(specDir, c.spec)
      for (let v = c.min; v <= c.max; v++) {
        for (const variant of ['values', 'nulls'] as const) {
          try {
            roundTrip(spec, v, variant)
          } catch (e) {
            throw new Error(`${c.spec} v${v} (${variant}): ${(e as Error).message}`)
          }
        }
      }
    })
  }
})

describe('defaults', () => {
  it('reading an absent field yields the spec default', () => {
    const res = generated.defaultProduceResponsePartitionProduceResponse()
    expect(res.logAppendTimeMs).toBe(-1n)
    expect(res.currentLeader).toEqual({ leaderId: -1, leaderEpoch: -1 })
    const w = new Writer()
    generated.writeProduceResponse(w, 1, { ...generated.defaultProduceResponse(), responses: [
      { name: 't', partitionResponses: [{ ...res, baseOffset: 5n }] },
    ] })
    const back = generated.readProduceResponse(new Reader(w.finish()), 1)
    expect(back.responses[0]!.partitionResponses[0]!.logStartOffset).toBe(-1n)
  })

  it('rejects null in a non-nullable field and non-default data in a missing non-ignorable field', () => {
    const req = { ...generated.defaultProduceRequest(), transactionalId: 'tx' }
    expect(() => generated.writeProduceRequest(new Writer(), 2, req)).toThrow(/transactionalId/)
    const res = generated.defaultMetadataResponse()
    const bad = { ...res, brokers: [{ ...generated.defaultMetadataResponseMetadataResponseBroker(), host: null as unknown as string }] }
    expect(() => generated.writeMetadataResponse(new Writer(), 1, bad)).toThrow()
  })

  it('writes tagged fields only in their taggedVersions', () => {
    const node = { nodeId: 1, host: 'h', port: 1, rack: null }
    const res = { ...generated.defaultProduceResponse(), nodeEndpoints: [node] }
    // Responses drop fields the request's version lacks (emit.ts dropCheck); v9 has no NodeEndpoints tag.
    const w9 = new Writer()
    generated.writeProduceResponse(w9, 9, res)
    expect(generated.readProduceResponse(new Reader(w9.finish()), 9).nodeEndpoints).toEqual([])
    const w = new Writer()
    generated.writeProduceResponse(w, 10, res)
    expect(generated.readProduceResponse(new Reader(w.finish()), 10).nodeEndpoints).toEqual([node])
  })

  it('omits tagged fields equal to their default and skips unknown tags', () => {
    const w = new Writer()
    generated.writeApiVersionsResponse(w, 3, generated.defaultApiVersionsResponse())
    // errorCode, compact empty array (1), throttleTimeMs, empty tagged section
    expect(w.finish().toString('hex')).toBe('0000' + '01' + '00000000' + '00')
    const withUnknown = Buffer.from('0000' + '01' + '00000000' + '01' + '09' + '02' + 'abcd', 'hex')
    const r = new Reader(withUnknown)
    expect(generated.readApiVersionsResponse(r, 3)).toEqual(generated.defaultApiVersionsResponse())
    expect(r.ok && r.remaining === 0).toBe(true)
  })
})
