// Shared by the issue5-* transaction tests: kafkajs consumers that read a topic under either isolation
// level until a condition holds, and a look at what the broker stored (markers, LSO).
import { Kafka, logLevel } from 'kafkajs'
import { decodeBatch } from '../../core/protocol/records'
import type { RunningBroker } from '../../core/index'

export function kafkaFor(broker: RunningBroker, clientId = 'issue5'): Kafka {
  return new Kafka({ clientId, brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 3, initialRetryTime: 100 } })
}

export interface Consumed {
  partition: number
  offset: string
  value: string
}

/**
 * Reads `topic` from the beginning with a fresh group until `done(values)` holds (or rejects after
 * timeoutMs). kafkajs reads READ_COMMITTED by default; readUncommitted switches to isolation level 0.
 */
export async function consumeUntil(kafka: Kafka, topic: string, opts: { readUncommitted: boolean; done: (values: Consumed[]) => boolean; timeoutMs?: number }): Promise<Consumed[]> {
  const consumer = kafka.consumer({
    groupId: `issue5-reader-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    readUncommitted: opts.readUncommitted, maxWaitTimeInMs: 200,
  })
  await consumer.connect()
  const values: Consumed[] = []
  try {
    await consumer.subscribe({ topic, fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumer saw only ${JSON.stringify(values.map((v) => v.value))}`)), opts.timeoutMs ?? 20_000)
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          values.push({ partition, offset: message.offset, value: message.value?.toString() ?? 'null' })
          if (opts.done(values)) {
            clearTimeout(timer)
            resolve()
          }
        },
      })
    })
  } finally {
    await consumer.disconnect()
  }
  return values
}

/** Sentinels end each read: a plain (non-transactional) message per partition, produced last. */
export async function produceSentinels(kafka: Kafka, topic: string, partitions: number, tag = 'end'): Promise<void> {
  const producer = kafka.producer()
  await producer.connect()
  for (let p = 0; p < partitions; p++) await producer.send({ topic, messages: [{ value: `${tag}-${p}`, partition: p }] })
  await producer.disconnect()
}

export function sawSentinels(partitions: number, tag = 'end'): (values: Consumed[]) => boolean {
  return (values) => Array.from({ length: partitions }, (_, p) => `${tag}-${p}`).every((s) => values.some((v) => v.value === s))
}

/** Control records stored in a partition, in offset order: 'COMMIT' / 'ABORT'. */
export async function storedMarkers(broker: RunningBroker, topic: string, partition: number): Promise<string[]> {
  const storage = broker.context.storage
  const markers: string[] = []
  for (const b of storage.readBatches(topic, partition, 0n, 64 << 20)) {
    const decoded = await decodeBatch(b.bytes)
    if (decoded.isControl) markers.push(decoded.records[0]?.control?.type === 1 ? 'COMMIT' : 'ABORT')
  }
  return markers
}

export function stability(broker: RunningBroker, topic: string, partition: number): { lso: bigint; hw: bigint } {
  return { lso: broker.context.log.lastStableOffset(topic, partition), hw: broker.context.log.offsets(topic, partition).highWatermark }
}
