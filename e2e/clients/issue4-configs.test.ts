// Issue 4: topic configs through admin clients — Kafka's validation (INVALID_CONFIG with a message) on
// create and alter, and DescribeConfigs sources and synonyms as kafkajs and confluent-kafka-python read them.
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kafka, logLevel, type Admin } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { testBroker, uniqueTopic } from './helpers'
import { pythonHas, runProcess, SYSTEM_PYTHON } from './issue4-support'

const SCRIPT = fileURLToPath(new URL('./issue4-confluent-configs.py', import.meta.url))
const hasConfluent = pythonHas('confluent_kafka')
// DescribeConfigsResponse ConfigSource (KIP-226).
const TOPIC_CONFIG = 1
const DEFAULT_CONFIG = 5

let broker: RunningBroker
let admin: Admin
beforeAll(async () => {
  broker = await testBroker({ cleanerIntervalMs: 0 })
  admin = new Kafka({ clientId: 'issue4-configs', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).admin()
  await admin.connect()
})
afterAll(async () => {
  await admin?.disconnect()
  await broker?.stop()
})

async function failure(p: Promise<unknown>): Promise<{ type?: string; message: string; errors?: { type?: string }[] }> {
  try {
    await p
  } catch (err) {
    return err as { type?: string; message: string; errors?: { type?: string }[] }
  }
  throw new Error('expected the admin call to fail')
}

describe('topic configs', () => {
  it('kafkajs: INVALID_CONFIG on create and alter; sources and synonyms on describe', async () => {
    const topic = uniqueTopic('configs-kafkajs')
    const created = await failure(admin.createTopics({ topics: [{ topic, configEntries: [{ name: 'segment.ms', value: '0' }] }] }))
    // kafkajs aggregates per-topic errors (KafkaJSAggregateError "Topic creation errors").
    expect(created.errors?.[0]).toMatchObject({ type: 'INVALID_CONFIG' })
    await admin.createTopics({ topics: [{ topic, configEntries: [{ name: 'retention.ms', value: '1000' }] }] })
    const bad = admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: topic, configEntries: [{ name: 'min.compaction.lag.ms', value: '10' }, { name: 'max.compaction.lag.ms', value: '5' }] }] })
    expect(await failure(bad)).toMatchObject({ type: 'INVALID_CONFIG' })
    const described = await admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: true })
    const entries = described.resources[0]!.configEntries
    expect(entries.find((c) => c.configName === 'retention.ms')).toMatchObject({
      configValue: '1000', isDefault: false, configSource: TOPIC_CONFIG,
      configSynonyms: [
        { configName: 'retention.ms', configValue: '1000', configSource: TOPIC_CONFIG },
        { configName: 'log.retention.ms', configValue: '604800000', configSource: DEFAULT_CONFIG },
      ],
    })
    expect(entries.find((c) => c.configName === 'cleanup.policy')).toMatchObject({ configValue: 'delete', isDefault: true, configSource: DEFAULT_CONFIG })
  })

  it.skipIf(!hasConfluent)('confluent-kafka-python 1.7 AdminClient: create, describe, alter, broker configs', async () => {
    const topic = uniqueTopic('configs-confluent')
    const out = JSON.parse((await runProcess(SYSTEM_PYTHON, [SCRIPT, broker.bootstrap, topic], 90_000)).trim())
    console.log('confluent AdminClient saw:', JSON.stringify(out))
    expect(out.create_invalid).toMatchObject({ name: 'INVALID_CONFIG', message: expect.stringMatching(/retention\.ms: must be at least -1/) })
    expect(out.create).toBe('ok')
    expect(out.describe['retention.ms']).toMatchObject({ value: '3600000', is_default: false })
    expect(out.describe['cleanup.policy']).toMatchObject({ value: 'compact', is_default: false })
    expect(out.describe['delete.retention.ms']).toMatchObject({ value: '86400000', is_default: true })
    expect(out.alter_invalid).toMatchObject({ name: 'INVALID_CONFIG', message: expect.stringMatching(/min\.cleanable\.dirty\.ratio/) })
    expect(out.alter).toBe('ok')
    // AlterConfigs replaces the whole override set (non-incremental), as in Kafka.
    expect(out.after).toEqual({ 'cleanup.policy': 'compact,delete', 'retention.bytes': '1000000', 'retention.ms': '604800000' })
    expect(out.broker).toEqual({ 'log.retention.check.interval.ms': '0', 'message.max.bytes': '1048588' })
  })
})
