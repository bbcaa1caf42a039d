import { describe, expect, it } from 'vitest'
import type { RequestEvent } from '../../../core/broker/events'
import { encodeFrame, writeRequestHeader, writeResponseHeader } from '../../../core/protocol/frame'
import { writeMetadataRequest, writeProduceRequest, writeProduceResponse, type ProduceResponse } from '../../../core/protocol/generated'
import { encodeBatch } from '../../../core/protocol/records'
import { Writer } from '../../../core/protocol/wire/writer'
import { decodeRequestBody, decodeResponseBody, firstErrorCode, requestTopics, toDecodedValue } from './decode'
import { latencyByApi, percentile } from './percentiles'
import { RequestStore } from './request-store'
import { RingBuffer } from './ring-buffer'

function event(request: Buffer, response: Buffer | null, over: Partial<RequestEvent> = {}): RequestEvent {
  return {
    connectionId: 1, clientId: 'c', apiKey: 18, apiVersion: 3, correlationId: 1, requestBytes: request.length + 4,
    responseBytes: response ? response.length + 4 : 0, startedAtMs: 0, durationMs: 1, request, response, ...over,
  }
}

const row = { startedAtMs: '0', connectionId: 1, clientId: 'c', softwareName: null, softwareVersion: null, apiKey: 18, apiName: 'ApiVersions', apiVersion: 3, correlationId: 1, requestBytes: 0, responseBytes: 0, durationMs: 1, errorCode: null, errorName: null }

describe('RingBuffer', () => {
  it('evicts the oldest item once full and indexes oldest-first', () => {
    const ring = new RingBuffer<number>(3)
    expect([1, 2, 3].map((n) => ring.push(n))).toEqual([undefined, undefined, undefined])
    expect(ring.push(4)).toBe(1)
    expect(ring.newest()).toEqual([2, 3, 4])
    expect(ring.newest(2)).toEqual([3, 4])
    expect(ring.at(0)).toBe(2)
    expect(ring.at(3)).toBeUndefined()
    ring.clear()
    expect(ring.length).toBe(0)
  })
})

describe('percentiles', () => {
  it('uses nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 95)).toBe(95)
    expect(percentile(values, 99)).toBe(99)
    expect(percentile([], 50)).toBe(0)
    expect(percentile([7], 99)).toBe(7)
  })
  it('groups by API, busiest first', () => {
    const s = (apiKey: number, durationMs: number) => ({ apiKey, apiName: `k${apiKey}`, durationMs })
    const out = latencyByApi([s(3, 1), s(3, 3), s(3, 2), s(18, 9)])
    expect(out.map((l) => [l.apiName, l.count, l.p50Ms, l.maxMs])).toEqual([['k3', 3, 2, 3], ['k18', 1, 9, 9]])
  })
})

describe('RequestStore', () => {
  it('finds entries by id, lists those since an id, and releases bytes of the oldest over budget', () => {
    const store = new RequestStore(4, 250)
    for (let i = 0; i < 6; i++) store.add(event(Buffer.alloc(100), null), row)
    expect(store.get(1)).toBeUndefined()
    expect(store.get(3)?.entry.id).toBe(3)
    expect(store.since(4).map((s) => s.entry.id)).toEqual([5, 6])
    // Budget 250 bytes holds two 100-byte frames: the newest two keep their bytes.
    expect([3, 4, 5, 6].map((id) => store.get(id)!.request !== null)).toEqual([false, false, true, true])
    expect(store.heldBytes).toBe(200)
    expect(store.total).toBe(6)
  })
})

describe('decoding', () => {
  it('decodes a Metadata request frame', () => {
    const frame = encodeFrame((w) => {
      writeRequestHeader(w, { apiKey: 3, apiVersion: 9, correlationId: 7, clientId: 'x' }, true)
      writeMetadataRequest(w, 9, { topics: [{ topicId: '00000000000000000000000000000000', name: 'orders' }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false })
    }).subarray(4)
    const d = decodeRequestBody(frame)
    expect(d.ok).toBe(true)
    const value = toDecodedValue(d.ok ? d.value : null) as { topics: { name: string }[] }
    expect(value.topics[0]!.name).toBe('orders')
  })

  it('summarizes record batches and finds topics and per-partition errors', async () => {
    const records = await encodeBatch([{ value: Buffer.from('a') }, { value: Buffer.from('b') }], { compression: 1 })
    const frame = encodeFrame((w) => {
      writeRequestHeader(w, { apiKey: 0, apiVersion: 9, correlationId: 1, clientId: 'p' }, true)
      writeProduceRequest(w, 9, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 'orders', partitionData: [{ index: 0, records }] }] })
    }).subarray(4)
    const req = decodeRequestBody(frame)
    expect(req.ok && requestTopics(0, req.value)).toEqual(['orders'])
    const decoded = toDecodedValue(req.ok ? req.value : null) as { topicData: { partitionData: { records: { kind: string; batches: { records: number; codec: string }[] } }[] }[] }
    const summary = decoded.topicData[0]!.partitionData[0]!.records
    expect(summary.kind).toBe('record-batches')
    expect(summary.batches[0]).toMatchObject({ records: 2, codec: 'gzip' })

    const w = new Writer()
    writeResponseHeader(w, 1, true)
    const res: ProduceResponse = { responses: [{ name: 'orders', partitionResponses: [{ index: 0, errorCode: 3, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, recordErrors: [], errorMessage: null, currentLeader: { leaderId: -1, leaderEpoch: -1 } }] }], throttleTimeMs: 0, nodeEndpoints: [] }
    writeProduceResponse(w, 9, res)
    const decodedRes = decodeResponseBody(0, 9, w.finish())
    expect(decodedRes.ok && firstErrorCode(decodedRes.value)).toBe(3)
  })

  it('reports an undecodable response instead of throwing', () => {
    expect(decodeResponseBody(3, 9, Buffer.from([0, 0, 0, 1])).ok).toBe(false)
  })
})
