// sqlite-restart.test.ts: in SQLite mode the log survives a broker restart with the same offsets (issue 2 acceptance).
import { describe, expect, it } from 'vitest'
import { comparable, expectContiguousOffsets, tempDataDir, testBroker, uniqueTopic } from './helpers'
import { consumeWithKafkajs, kafkaClient, produceWithKafkajs } from './kafkajs-driver'

const COUNT = 3_000

async function offsetsOf(bootstrap: string, topic: string): Promise<{ partition: number; high: string; low: string }[]> {
  const admin = kafkaClient(bootstrap).admin()
  await admin.connect()
  try {
    const offsets = await admin.fetchTopicOffsets(topic)
    return offsets.map((o) => ({ partition: o.partition, high: o.high, low: o.low })).sort((a, b) => a.partition - b.partition)
  } finally {
    await admin.disconnect()
  }
}

describe('SQLite mode', () => {
  it('keeps records, offsets and topic configs across a restart, and continues the offsets', async () => {
    const tmp = tempDataDir()
    const topic = uniqueTopic('durable')
    const base = Date.now() - 86_400_000
    try {
      const first = await testBroker({ memory: false, dataDir: tmp.dir })
      const admin = kafkaClient(first.bootstrap).admin()
      await admin.connect()
      await admin.createTopics({ topics: [{ topic, numPartitions: 3, configEntries: [{ name: 'retention.ms', value: '123456789' }] }] })
      await admin.disconnect()
      await produceWithKafkajs(first.bootstrap, topic, COUNT, 'kafkajs', base)
      const before = await consumeWithKafkajs(first.bootstrap, topic, COUNT)
      const offsetsBefore = await offsetsOf(first.bootstrap, topic)
      await first.stop()

      const second = await testBroker({ memory: false, dataDir: tmp.dir })
      try {
        expect(await offsetsOf(second.bootstrap, topic)).toEqual(offsetsBefore)
        const after = await consumeWithKafkajs(second.bootstrap, topic, COUNT)
        expect(comparable(after)).toEqual(comparable(before))
        expectContiguousOffsets(after)

        const admin2 = kafkaClient(second.bootstrap).admin()
        await admin2.connect()
        const configs = await admin2.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false })
        await admin2.disconnect()
        expect(configs.resources[0]?.configEntries.find((c) => c.configName === 'retention.ms')?.configValue).toBe('123456789')

        // New records continue where the old log ended.
        const producer = kafkaClient(second.bootstrap).producer()
        await producer.connect()
        const meta = await producer.send({ topic, messages: [{ key: 'after', value: 'restart', partition: 0 }] })
        await producer.disconnect()
        expect(meta[0]?.baseOffset).toBe(offsetsBefore[0]!.high)
        const grown = await offsetsOf(second.bootstrap, topic)
        expect(grown[0]!.high).toBe(String(Number(offsetsBefore[0]!.high) + 1))
        expect(grown.slice(1)).toEqual(offsetsBefore.slice(1))
      } finally {
        await second.stop()
      }
    } finally {
      tmp.cleanup()
    }
  })
})
