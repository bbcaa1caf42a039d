// @platformatic/kafka 1.35 reads through Fetch v13+, which names topics by id (KIP-516): it exercises the
// topic-id path that kafkajs and librdkafka 2.0.2 never use. An unknown id must get UNKNOWN_TOPIC_ID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kafka, logLevel } from 'kafkajs'
import { Consumer, type Message } from '@platformatic/kafka'
import type { RunningBroker } from '../../core/index'
import { ApiKey } from '../../core/protocol/api-keys'
import { ErrorCode } from '../../core/protocol/error-codes'
import { defaultFetchRequest, defaultFetchRequestFetchPartition, readFetchResponse, writeFetchRequest } from '../../core/protocol/generated'
import { RawConnection } from './raw-client'
import { testBroker, uniqueTopic } from './helpers'

let broker: RunningBroker
beforeAll(async () => {
  broker = await testBroker()
})
afterAll(async () => broker?.stop())

async function produce(topic: string, count: number): Promise<void> {
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] })
  await admin.disconnect()
  const producer = kafka.producer()
  await producer.connect()
  await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}`, headers: { n: String(i) } })) })
  await producer.disconnect()
}

describe('@platformatic/kafka 1.35 (Fetch by topic id)', () => {
  it('consumes every message with keys, values and headers', async () => {
    const topic = uniqueTopic('platformatic')
    await produce(topic, 1_000)
    const consumer = new Consumer({ groupId: uniqueTopic('pgroup'), clientId: 'brooklet-platformatic-test', bootstrapBrokers: [broker.bootstrap] })
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false })
    const seen = new Map<string, string>()
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${seen.size} of 1000 messages within 30 s`)), 30_000)
        stream.on('error', reject)
        stream.on('data', (m: Message<Buffer, Buffer, Buffer, Buffer>) => {
          const header = [...m.headers].find(([k]) => k.toString() === 'n')?.[1]?.toString()
          seen.set(m.key.toString(), `${m.value.toString()}|${header}`)
          if (seen.size === 1_000) {
            clearTimeout(timer)
            resolve()
          }
        })
      })
    } finally {
      await stream.close()
      await consumer.close()
    }
    for (let i = 0; i < 1_000; i++) expect(seen.get(`k${i}`)).toBe(`v${i}|${i}`)
  })

  it('answers UNKNOWN_TOPIC_ID for a topic id it does not know (Fetch v13)', async () => {
    const conn = await RawConnection.open(broker.host, broker.port)
    const unknownId = 'f'.repeat(32)
    const msg = {
      ...defaultFetchRequest(), maxWaitMs: 100, minBytes: 1, maxBytes: 1 << 20,
      topics: [{ topic: '', topicId: unknownId, partitions: [{ ...defaultFetchRequestFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }],
    }
    const reader = await conn.request(ApiKey.Fetch, 13, 7, (w) => writeFetchRequest(w, 13, msg))
    const response = readFetchResponse(reader, 13)
    expect(response.responses[0]?.topicId).toBe(unknownId)
    expect(response.responses[0]?.partitions[0]?.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_ID)
    conn.socket.destroy()
  })
})
