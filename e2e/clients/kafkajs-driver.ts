// kafkajs-driver.ts: produce and read the shared test messages (python/common.py message()) with kafkajs.
import { Kafka, logLevel } from 'kafkajs'
import type { ClientRecord } from './helpers'

export function kafkaClient(bootstrap: string, clientId = 'brooklet-e2e'): Kafka {
  return new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.NOTHING })
}

/** Message i: key k<i>, value v<i>-<origin>, headers seq and origin, timestamp base+i. */
export async function produceWithKafkajs(bootstrap: string, topic: string, count: number, origin: string, base: number): Promise<void> {
  const producer = kafkaClient(bootstrap).producer()
  await producer.connect()
  try {
    for (let start = 0; start < count; start += 500) {
      const messages = Array.from({ length: Math.min(500, count - start) }, (_, n) => {
        const i = start + n
        return { key: `k${i}`, value: `v${i}-${origin}`, headers: { seq: String(i), origin }, timestamp: String(base + i) }
      })
      await producer.send({ topic, messages })
    }
  } finally {
    await producer.disconnect()
  }
}

/** Reads `count` records from the beginning with a fresh consumer group; rejects after timeoutMs. */
export async function consumeWithKafkajs(bootstrap: string, topic: string, count: number, timeoutMs = 40_000): Promise<ClientRecord[]> {
  const consumer = kafkaClient(bootstrap).consumer({ groupId: `e2e-${topic}-${Math.random().toString(36).slice(2)}` })
  await consumer.connect()
  const records: ClientRecord[] = []
  try {
    await consumer.subscribe({ topic, fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`kafkajs read ${records.length} of ${count} records`)), timeoutMs)
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          records.push({
            partition, offset: Number(message.offset), key: message.key?.toString() ?? null, value: message.value?.toString() ?? null,
            headers: Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]), timestamp: Number(message.timestamp),
          })
          if (records.length === count) {
            clearTimeout(timer)
            resolve()
          }
        },
      })
    })
  } finally {
    await consumer.disconnect()
  }
  return records
}
