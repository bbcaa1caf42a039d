// behaviour.test.ts: protocol edge cases checked with raw frames (CLIENTS.md pitfalls 3, 5, 17; issue 2 "Build").
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kafka, logLevel } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { ApiKey } from '../../core/protocol/api-keys'
import { ErrorCode } from '../../core/protocol/error-codes'
import { encodeBatch } from '../../core/protocol/records'
import { readApiVersionsResponse, readFetchResponse, readListOffsetsResponse, readMetadataResponse, readProduceResponse } from '../../core/protocol/generated'
import { apiVersionsFrame, fetchFrame, listOffsetsFrame, metadataFrame, produceFrame } from './frames'
import { RawConnection, requestFrame, responseReader } from './raw-client'
import { createTopic, testBroker, uniqueTopic } from './helpers'

let broker: RunningBroker

beforeAll(async () => {
  broker = await testBroker({ maxFrameBytes: 64 * 1024 })
})
afterAll(async () => broker?.stop())

const open = () => RawConnection.open('127.0.0.1', broker.port)

describe('protocol behaviour with raw frames', () => {
  it('answers ApiVersions v9 with a v0 body, UNSUPPORTED_VERSION and our ranges', async () => {
    const c = await open()
    c.send(apiVersionsFrame(9, 41))
    const frame = await c.nextFrame()
    expect(frame, 'connection closed instead of answering').not.toBeNull()
    const body = readApiVersionsResponse(responseReader(frame!, ApiKey.ApiVersions, 9, 41), 0)
    expect(body.errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION)
    const own = body.apiKeys.find((k) => k.apiKey === ApiKey.ApiVersions)
    expect(own?.minVersion).toBe(0)
    expect(own?.maxVersion).toBeGreaterThanOrEqual(3)
    expect(body.apiKeys.find((k) => k.apiKey === ApiKey.Produce)?.minVersion).toBe(0)
    // The same connection still works: the client retries lower (KIP-511).
    const again = readApiVersionsResponse(await c.request(ApiKey.ApiVersions, 3, 42, (w) => { w.compactString('x'); w.compactString('1'); w.uvarint(0) }), 3)
    expect(again.errorCode).toBe(0)
    c.destroy()
  })

  it('answers an API key it does not serve, and an unsupported version, with the correlation id and error 35', async () => {
    const c = await open()
    for (const [apiKey, version, correlationId] of [[ApiKey.DescribeAcls, 1, 7], [1000, 0, 8], [ApiKey.Metadata, 99, 9]] as const) {
      // Header v0 whatever the version: the body format of a version we do not know is unknowable.
      c.send(requestFrame(apiKey, version, correlationId, (w) => w.int32(0)))
      const frame = await c.nextFrame()
      expect(frame, `API ${apiKey} v${version}: connection closed`).not.toBeNull()
      expect(frame!.readInt32BE(0)).toBe(correlationId)
      expect(frame!.readInt16BE(4), `API ${apiKey} v${version}`).toBe(ErrorCode.UNSUPPORTED_VERSION)
    }
    expect(c.closed).toBe(false)
    c.destroy()
  })

  it('advertises Produce from v0 but answers v2 (old message format) with UNSUPPORTED_VERSION per partition', async () => {
    const topic = uniqueTopic('produce-v2')
    await createTopic(broker.bootstrap, topic, 1)
    const c = await open()
    const legacy = Buffer.alloc(40, 1) // the content does not matter: v0-2 carry message sets v0/v1, which we refuse
    const response = readProduceResponse(await c.exchange(produceFrame(2, 55, topic, 0, legacy, 1)), 2)
    expect(response.responses[0]?.partitionResponses[0]?.errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION)
    const offsets = readListOffsetsResponse(await c.exchange(listOffsetsFrame(1, 56, topic, [0], -1n)), 1)
    expect(offsets.topics[0]?.partitions[0]?.offset).toBe(0n)
    c.destroy()
  })

  it('Metadata v0 with an empty topic list means all topics; v1 with an empty list means none', async () => {
    const topic = uniqueTopic('listed')
    await createTopic(broker.bootstrap, topic, 2)
    const c = await open()
    const all = readMetadataResponse(await c.exchange(metadataFrame(0, 60, [])), 0)
    expect(all.topics.map((t) => t.name)).toContain(topic)
    const none = readMetadataResponse(await c.exchange(metadataFrame(1, 61, [])), 1)
    expect(none.topics).toEqual([])
    const unknown = readMetadataResponse(await c.exchange(metadataFrame(4, 62, [uniqueTopic('absent')])), 4)
    expect(unknown.topics[0]?.errorCode).toBe(0) // auto-creation is on by default, as in Kafka
    c.destroy()
  })

  it('answers 2,000 pipelined requests in one write, in order (pitfall 4)', async () => {
    const topic = uniqueTopic('pipelined')
    await createTopic(broker.bootstrap, topic, 1)
    const c = await open()
    const frames = Array.from({ length: 2_000 }, (_, i) =>
      i % 3 === 0 ? apiVersionsFrame(i % 4, i) : i % 3 === 1 ? metadataFrame(1, i, [topic]) : listOffsetsFrame(1, i, topic, [0], -1n))
    c.send(Buffer.concat(frames))
    for (let i = 0; i < frames.length; i++) {
      const frame = await c.nextFrame(10_000)
      expect(frame?.readInt32BE(0), `response #${i}`).toBe(i)
    }
    c.destroy()
  })

  it('closes only the connection whose frame exceeds maxFrameBytes', async () => {
    const bystander = await open()
    const offender = await open()
    const prefix = Buffer.alloc(8)
    prefix.writeInt32BE(64 * 1024 + 1, 0)
    offender.send(prefix)
    expect(await offender.waitClosed(5_000)).toBe(true)
    const hostile = await open()
    hostile.send(Buffer.from([0x7f, 0xff, 0xff, 0xff, 1, 2, 3]))
    expect(await hostile.waitClosed(5_000)).toBe(true)
    const meta = readMetadataResponse(await bystander.request(ApiKey.Metadata, 1, 5, (w) => w.int32(-1)), 1)
    expect(meta.brokers).toHaveLength(1)
    bystander.destroy()
  })

  it('sends no response to acks=0 produce but appends the records', async () => {
    const topic = uniqueTopic('acks0')
    await createTopic(broker.bootstrap, topic, 1)
    const c = await open()
    const batch = await encodeBatch([{ key: 'a', value: '1' }, { key: 'b', value: '2' }])
    c.send(produceFrame(7, 100, topic, 0, batch, 0))
    c.send(apiVersionsFrame(0, 101))
    const first = await c.nextFrame()
    expect(first?.readInt32BE(0), 'first response must belong to the ApiVersions request').toBe(101)
    const offsets = readListOffsetsResponse(await c.exchange(listOffsetsFrame(1, 102, topic, [0], -1n)), 1)
    expect(offsets.topics[0]?.partitions[0]?.offset).toBe(2n)
    expect(await c.nextFrame(300)).toBeNull()
    c.destroy()
  })

  it('returns a long-polling Fetch as soon as data is produced', async () => {
    const topic = uniqueTopic('longpoll')
    await createTopic(broker.bootstrap, topic, 1)
    const c = await open()
    const started = Date.now()
    c.send(fetchFrame(11, 300, topic, 0, 0n, 10_000))
    const kafka = new Kafka({ clientId: 'longpoll', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING })
    const producer = kafka.producer()
    await producer.connect()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await producer.send({ topic, messages: [{ value: 'wake up' }] })
    const frame = await c.nextFrame(15_000)
    const elapsed = Date.now() - started
    await producer.disconnect()
    expect(frame).not.toBeNull()
    const partition = readFetchResponse(responseReader(frame!, ApiKey.Fetch, 11, 300), 11).responses[0]?.partitions[0]
    expect(partition?.errorCode).toBe(0)
    expect(partition?.records?.length ?? 0).toBeGreaterThan(0)
    expect(elapsed, 'fetch returned only at max_wait_ms').toBeLessThan(8_000)
    c.destroy()
  })

  it('keeps serving after a frame that begins "GET / HTTP/1.1"', async () => {
    const c = await open()
    c.send(Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'))
    expect(await c.waitClosed(5_000)).toBe(true)
    const ok = await open()
    expect(readApiVersionsResponse(await ok.request(ApiKey.ApiVersions, 0, 1, () => {}), 0).errorCode).toBe(0)
    ok.destroy()
  })
})

