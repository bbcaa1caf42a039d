// Issue 4 acceptance: compaction, retention and DeleteRecords seen through real clients (kafkajs 2.2.4,
// kcat 1.7 / librdkafka 2.0.2, and librdkafka's DeleteRecords Admin API from Python).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompressionTypes, Kafka, logLevel, type Admin } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { testBroker, uniqueTopic } from './helpers'
import { pythonHas, runProcess, SYSTEM_PYTHON } from './issue4-support'

const KCAT = '/usr/bin/kcat'
const hasKcat = existsSync(KCAT)
const hasConfluent = pythonHas('confluent_kafka')
const DELETE_RECORDS_SCRIPT = fileURLToPath(new URL('./issue4-librdkafka-delete-records.py', import.meta.url))

let broker: RunningBroker
let kafka: Kafka
let admin: Admin
beforeAll(async () => {
  // The timer stays off: every cleaner pass in these tests is explicit.
  broker = await testBroker({ cleanerIntervalMs: 0 })
  kafka = new Kafka({ clientId: 'issue4-log-life', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING })
  admin = kafka.admin()
  await admin.connect()
})
afterAll(async () => {
  await admin?.disconnect()
  await broker?.stop()
})

/** kcat from the beginning to the end of partition 0: [offset, key, value|null] per record. */
async function kcatAll(topic: string): Promise<[number, string, string | null][]> {
  const out = await runProcess(KCAT, ['-b', broker.bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-Z', '-f', '%o|%k|%s\\n'], 60_000)
  return out.split('\n').filter(Boolean).map((line) => {
    const [offset, key, value] = line.split('|') as [string, string, string]
    return [Number(offset), key, value === 'NULL' ? null : value]
  })
}

/** kafkajs group consumer from the beginning: how many records it sees before going quiet. */
async function kafkajsCount(topic: string, expected: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: uniqueTopic('count') })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  let count = 0
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 60_000)
    void consumer.run({
      eachMessage: async () => {
        if (++count === expected) {
          clearTimeout(timer)
          resolve()
        }
      },
    })
  })
  await consumer.disconnect()
  return count
}

async function produce(topic: string, messages: { key: string; value: string | null; timestamp?: string }[], compression = CompressionTypes.None) {
  const producer = kafka.producer()
  await producer.connect()
  for (let i = 0; i < messages.length; i += 1000) await producer.send({ topic, compression, messages: messages.slice(i, i + 1000) })
  await producer.disconnect()
}

describe.skipIf(!hasKcat)('log compaction', () => {
  it('100,000 updates over 1,000 keys compact to the latest value per key; tombstones go after delete.retention.ms', async () => {
    const topic = uniqueTopic('compacted')
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'delete.retention.ms', value: '3600000' }] }] })
    const updates = Array.from({ length: 100_000 }, (_, i) => ({ key: `k${i % 1000}`, value: `v${i}` }))
    await produce(topic, updates.slice(0, 50_000), CompressionTypes.GZIP)
    await produce(topic, updates.slice(50_000))
    await produce(topic, Array.from({ length: 100 }, (_, k) => ({ key: `k${k}`, value: null })))
    const tail = Array.from({ length: 10 }, (_, i) => ({ key: `k${500 + i}`, value: `tail${i}` }))
    await produce(topic, tail) // the newest batch: never compacted
    const report = await broker.context.cleaner.runNow()
    const after = broker.context.storage.offsets(topic, 0)
    console.log('compaction:', report, after)
    expect(after.highWatermark).toBe(100_110n)

    const records = await kcatAll(topic)
    expect(records.length).toBeLessThanOrEqual(1000 + tail.length)
    const latest = new Map<string, string | null>()
    for (const [, key, value] of records) latest.set(key, value)
    expect(latest.size).toBe(1000)
    for (let k = 0; k < 1000; k++) {
      const expected = k < 100 ? null : k >= 500 && k < 510 ? `tail${k - 500}` : `v${99_000 + k}`
      expect(latest.get(`k${k}`)).toBe(expected)
    }
    expect(records.filter(([, , v]) => v === null)).toHaveLength(100)
    // Offsets keep their values (gaps are normal) and stay increasing.
    records.forEach(([offset], i) => i > 0 && expect(offset).toBeGreaterThan(records[i - 1]![0]))

    expect(await kafkajsCount(topic, records.length)).toBe(records.length)

    await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: topic, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'delete.retention.ms', value: '0' }] }] })
    await broker.context.cleaner.runNow()
    const withoutTombstones = await kcatAll(topic)
    expect(withoutTombstones.filter(([, , v]) => v === null)).toEqual([])
    expect(new Set(withoutTombstones.map(([, k]) => k)).size).toBe(900)
  }, 180_000)
})

describe('retention', () => {
  it('retention.ms deletes old batches; a consumer from earliest resumes at the new log start', async () => {
    const topic = uniqueTopic('retention-time')
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '60000' }] }] })
    const old = String(Date.now() - 10 * 60_000)
    await produce(topic, Array.from({ length: 500 }, (_, i) => ({ key: 'k', value: `old${i}`, timestamp: old })))
    await produce(topic, Array.from({ length: 500 }, (_, i) => ({ key: 'k', value: `new${i}` })))
    const groupId = uniqueTopic('retention-group')
    // A group that committed offset 200 before retention ran must reset (OFFSET_OUT_OF_RANGE) to earliest.
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '200' }] })
    const report = await broker.context.cleaner.runNow()
    expect(report.retentionBatchesDeleted).toBeGreaterThan(0)
    expect(broker.context.storage.offsets(topic, 0).logStartOffset).toBe(500n)
    const low = await admin.fetchTopicOffsets(topic)
    expect(low[0]).toMatchObject({ low: '500', high: '1000' })

    const consumer = kafka.consumer({ groupId })
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: true })
    const offsets: number[] = []
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${offsets.length} records consumed`)), 60_000)
      void consumer.run({
        eachMessage: async ({ message }) => {
          offsets.push(Number(message.offset))
          if (offsets.length === 500) {
            clearTimeout(timer)
            resolve()
          }
        },
      })
    })
    await consumer.disconnect()
    expect(offsets[0]).toBe(500)
    expect(offsets.at(-1)).toBe(999)
  }, 120_000)

  it.skipIf(!hasKcat)('retention.bytes keeps at least that many bytes, deleting whole batches from the head', async () => {
    const topic = uniqueTopic('retention-bytes')
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.bytes', value: '20000' }] }] })
    for (let b = 0; b < 20; b++) await produce(topic, Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'x'.repeat(40) + b })))
    const before = broker.context.storage.offsets(topic, 0)
    await broker.context.cleaner.runNow()
    const after = broker.context.storage.offsets(topic, 0)
    console.log('retention.bytes:', before, after)
    expect(after.sizeBytes).toBeGreaterThanOrEqual(20_000)
    expect(after.sizeBytes).toBeLessThan(20_000 + before.sizeBytes / before.batchCount)
    expect(after.logStartOffset).toBe(BigInt(1000 - after.batchCount * 50))
    const records = await kcatAll(topic)
    expect(records[0]![0]).toBe(Number(after.logStartOffset))
    expect(records).toHaveLength(1000 - Number(after.logStartOffset))
  }, 120_000)
})

describe('DeleteRecords', () => {
  it('kafkajs admin.deleteTopicRecords moves the low watermark', async () => {
    const topic = uniqueTopic('delete-records-kafkajs')
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] })
    await produce(topic, Array.from({ length: 1000 }, (_, i) => ({ key: 'k', value: `v${i}` })))
    // kafkajs looks the partition leader up in its cached metadata before it refreshes it (admin/index.js
    // deleteTopicRecords), so the admin must know the topic first — with Kafka too.
    expect((await admin.fetchTopicOffsets(topic))[0]).toMatchObject({ low: '0', high: '1000' })
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '300' }] })
    expect((await admin.fetchTopicOffsets(topic))[0]).toMatchObject({ low: '300', high: '1000' })
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '-1' }] })
    expect((await admin.fetchTopicOffsets(topic))[0]).toMatchObject({ low: '1000', high: '1000' })
    // A compact-only topic refuses, as Kafka does (POLICY_VIOLATION).
    const compacted = uniqueTopic('delete-records-compacted')
    await admin.createTopics({ topics: [{ topic: compacted, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] })
    await produce(compacted, [{ key: 'k', value: 'v' }])
    await admin.fetchTopicOffsets(compacted)
    type DeleteError = { cause?: { partitions?: { error?: { type?: string } }[] } }
    const refused = await admin.deleteTopicRecords({ topic: compacted, partitions: [{ partition: 0, offset: '1' }] }).then(() => null, (e: DeleteError) => e)
    // kafkajs wraps its KafkaJSDeleteTopicRecordsError in the retrier's non-retriable error.
    expect(refused?.cause?.partitions?.[0]?.error?.type).toBe('POLICY_VIOLATION')
  })

  it.skipIf(!hasConfluent)('librdkafka 2.0.2 rd_kafka_DeleteRecords (confluent-kafka-python 1.7 has no delete_records)', async () => {
    const topic = uniqueTopic('delete-records-librdkafka')
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] })
    await produce(topic, Array.from({ length: 1000 }, (_, i) => ({ key: 'k', value: `v${i}` })))
    const out = await runProcess(SYSTEM_PYTHON, [DELETE_RECORDS_SCRIPT, broker.bootstrap, topic, '0', '640'], 60_000)
    expect(JSON.parse(out.trim())).toEqual({ error: 0, partition: 0, low_watermark: 640, partition_error: 0 })
    expect((await admin.fetchTopicOffsets(topic))[0]).toMatchObject({ low: '640', high: '1000' })
    if (hasKcat) expect((await kcatAll(topic))[0]![0]).toBe(640)
  })
})

describe.skipIf(hasKcat && hasConfluent)('missing clients', () => {
  it('are reported, not silently passed', () => {
    console.warn(`SKIPPED parts of issue4-log-life: kcat ${hasKcat ? 'present' : 'missing'}, confluent_kafka ${hasConfluent ? 'present' : 'missing'}`)
  })
})

describe('cleaner timer', () => {
  it('a broker with a short cleaner interval applies retention by itself', async () => {
    const timed = await testBroker({ cleanerIntervalMs: 100 })
    const client = new Kafka({ clientId: 'issue4-timer', brokers: [timed.bootstrap], logLevel: logLevel.NOTHING })
    const timedAdmin = client.admin()
    await timedAdmin.connect()
    try {
      const topic = uniqueTopic('timer')
      await timedAdmin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '60000' }] }] })
      const producer = client.producer()
      await producer.connect()
      await producer.send({ topic, messages: [{ value: 'old', timestamp: String(Date.now() - 3_600_000) }] })
      await producer.send({ topic, messages: [{ value: 'new' }] })
      await producer.disconnect()
      const deadline = Date.now() + 10_000
      while (timed.context.storage.offsets(topic, 0).logStartOffset === 0n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(timed.context.storage.offsets(topic, 0).logStartOffset).toBe(1n)
    } finally {
      await timedAdmin.disconnect()
      await timed.stop()
    }
  })
})
