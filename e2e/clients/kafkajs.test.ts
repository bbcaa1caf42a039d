import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Kafka, logLevel, CompressionTypes } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { testBroker, uniqueTopic } from './helpers'

let broker: RunningBroker
let kafka: Kafka

beforeEach(async () => {
  broker = await testBroker()
  kafka = new Kafka({ clientId: 'brooklet-kafkajs-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING })
})
afterEach(async () => broker?.stop())

describe('kafkajs 2.2.4', () => {
  it('creates, lists and describes topics through the admin client', async () => {
    const admin = kafka.admin()
    await admin.connect()
    const topic = uniqueTopic('admin')
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3, configEntries: [{ name: 'retention.ms', value: '1000' }] }] })).toBe(true)
    expect(await admin.listTopics()).toContain(topic)
    const meta = await admin.fetchTopicMetadata({ topics: [topic] })
    expect(meta.topics[0]?.partitions).toHaveLength(3)
    const configs = await admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false })
    const retention = configs.resources[0]?.configEntries.find((c) => c.configName === 'retention.ms')
    expect(retention?.configValue).toBe('1000')
    await expect(admin.createTopics({ topics: [{ topic: 'bad name!' }] })).rejects.toThrow()
    await admin.deleteTopics({ topics: [topic] })
    expect(await admin.listTopics()).not.toContain(topic)
    await admin.disconnect()
  })

  it('produces 10,000 messages with headers and reads them back in order per partition', async () => {
    const topic = uniqueTopic('roundtrip')
    const admin = kafka.admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] })
    await admin.disconnect()
    const producer = kafka.producer()
    await producer.connect()
    const total = 10_000
    for (let start = 0; start < total; start += 500) {
      const messages = Array.from({ length: 500 }, (_, i) => ({
        key: `key-${(start + i) % 97}`, value: `value-${start + i}`, headers: { seq: String(start + i), origin: 'kafkajs' },
      }))
      await producer.send({ topic, messages, compression: start % 1000 === 0 ? CompressionTypes.GZIP : CompressionTypes.None })
    }
    await producer.disconnect()

    const consumer = kafka.consumer({ groupId: uniqueTopic('group') })
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: true })
    const seen = new Map<number, bigint[]>()
    let count = 0
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const list = seen.get(partition) ?? []
          list.push(BigInt(message.offset))
          seen.set(partition, list)
          expect(message.headers?.origin?.toString()).toBe('kafkajs')
          expect(message.value?.toString()).toBe(`value-${message.headers?.seq?.toString()}`)
          if (++count === total) resolve()
        },
      })
    })
    await done
    await consumer.disconnect()
    expect(count).toBe(total)
    for (const offsets of seen.values()) offsets.forEach((o, i) => expect(o).toBe(BigInt(i)))
  })

  it('seeks: a consumer started at offset 60 of 100 reads exactly offsets 60..99, then seeks back to 10', async () => {
    const topic = uniqueTopic('seek')
    const producer = kafka.producer()
    await producer.connect()
    await producer.send({ topic, messages: Array.from({ length: 100 }, (_, i) => ({ value: `m${i}`, partition: 0 })) })
    await producer.disconnect()

    const consumer = kafka.consumer({ groupId: uniqueTopic('seek-group') })
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: true })
    const offsets: number[] = []
    let sought = false
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          offsets.push(Number(message.offset))
          expect(message.value?.toString()).toBe(`m${message.offset}`)
          if (message.offset === '99' && !sought) {
            sought = true
            consumer.seek({ topic, partition: 0, offset: '10' })
          } else if (message.offset === '99') resolve()
        },
      })
    })
    consumer.seek({ topic, partition: 0, offset: '60' })
    await done
    await consumer.disconnect()
    const expected = [...Array.from({ length: 40 }, (_, i) => 60 + i), ...Array.from({ length: 90 }, (_, i) => 10 + i)]
    expect(offsets).toEqual(expected)
  })

  it('finds offsets by timestamp (ListOffsets), earliest and latest', async () => {
    const topic = uniqueTopic('by-time')
    const base = Date.now() - 1_000_000
    const producer = kafka.producer()
    await producer.connect()
    for (let start = 0; start < 1000; start += 250) {
      await producer.send({ topic, messages: Array.from({ length: 250 }, (_, i) => ({ value: `t${start + i}`, partition: 0, timestamp: String(base + (start + i) * 10) })) })
    }
    await producer.disconnect()
    const admin = kafka.admin()
    await admin.connect()
    // The first offset whose timestamp is >= the asked time (ListOffsetsRequest.json "timestamp").
    expect(await admin.fetchTopicOffsetsByTimestamp(topic, base + 5_000)).toEqual([{ partition: 0, offset: '500' }])
    expect(await admin.fetchTopicOffsetsByTimestamp(topic, base + 5_001)).toEqual([{ partition: 0, offset: '501' }])
    expect(await admin.fetchTopicOffsetsByTimestamp(topic, base - 1)).toEqual([{ partition: 0, offset: '0' }])
    expect(await admin.fetchTopicOffsets(topic)).toEqual([expect.objectContaining({ partition: 0, low: '0', high: '1000' })])
    await admin.disconnect()
  })
})
