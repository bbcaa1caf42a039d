// fuzz.test.ts: ≥10,000 random and mutated frames over many short-lived connections while a kafkajs producer
// keeps producing with acks=1; it must see zero errors and the log must hold exactly what was acknowledged.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompressionTypes } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { readMetadataResponse } from '../../core/protocol/generated'
import { metadataFrame } from './frames'
import { hostileFrames, mutate, seededRng, seedFrames, type Rng } from './fuzz-frames'
import { RawConnection } from './raw-client'
import { createTopic, testBroker, uniqueTopic } from './helpers'
import { kafkaClient } from './kafkajs-driver'

const FRAMES = 12_000
const PER_CONNECTION = 3
const CONCURRENCY = 24
const SEED = Number(process.env.BROOKLET_FUZZ_SEED ?? Date.now() % 1_000_000)

let broker: RunningBroker
const brokerLog: string[] = []
beforeAll(async () => {
  broker = await testBroker({ log: (line) => brokerLog.push(line) })
})
afterAll(async () => broker?.stop())

/** One short-lived connection: write the frames, read until the broker closes or goes quiet, then hang up. */
function fuzzConnection(frames: Buffer[]): Promise<{ closedByBroker: boolean }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: broker.port })
    let closedByBroker = false
    let quiet: NodeJS.Timeout | undefined
    const hangUp = () => socket.destroy()
    const hard = setTimeout(hangUp, 1_000)
    const settle = () => {
      clearTimeout(quiet)
      quiet = setTimeout(hangUp, 40)
    }
    socket.on('connect', () => {
      for (const f of frames) socket.write(f)
      settle()
    })
    socket.on('data', settle)
    socket.on('end', () => (closedByBroker = true))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(hard)
      clearTimeout(quiet)
      resolve({ closedByBroker })
    })
  })
}

/** Builds the frame list: hostile frames first, then mutations, with an untouched seed now and then. */
function frameSchedule(rng: Rng, seeds: Buffer[], hostile: Buffer[]): Buffer[] {
  const frames = [...hostile]
  while (frames.length < FRAMES) frames.push(rng() < 0.1 ? seeds[Math.floor(rng() * seeds.length)]! : mutate(rng, seeds))
  return frames
}

interface ProducerLoop {
  /** Stops producing and reports what the broker acknowledged per partition. */
  stop(): Promise<{ acked: number[]; errors: string[]; batches: number }>
}

/** kafkajs producer, acks=1 and no retries (an error must surface, not be retried away), 10 records a batch. */
async function startProducerLoop(topic: string): Promise<ProducerLoop> {
  const producer = kafkaClient(broker.bootstrap, 'fuzz-producer').producer({ retry: { retries: 0 } })
  await producer.connect()
  const acked = [0, 0]
  const errors: string[] = []
  let running = true
  let batches = 0
  const loop = (async () => {
    while (running && errors.length === 0) {
      const partition = batches % 2
      const first = acked[partition]!
      const messages = Array.from({ length: 10 }, (_, i) => ({ partition, key: `p${partition}-${first + i}`, value: `n${first + i}`, headers: { b: String(batches) } }))
      try {
        const meta = await producer.send({ topic, acks: 1, messages, compression: batches % 3 === 0 ? CompressionTypes.GZIP : CompressionTypes.None })
        if (meta[0]?.baseOffset !== String(first)) errors.push(`batch ${batches}: baseOffset ${meta[0]?.baseOffset}, expected ${first}`)
        acked[partition] = first + messages.length
      } catch (err) {
        errors.push(`batch ${batches}: ${(err as Error).message}`)
      }
      batches++
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      await producer.disconnect()
      return { acked, errors, batches }
    },
  }
}

/** Sends all frames, PER_CONNECTION per connection, over CONCURRENCY parallel connections. */
async function fuzz(frames: Buffer[]): Promise<{ brokerClosed: number; ms: number }> {
  let brokerClosed = 0
  let next = 0
  const started = Date.now()
  const worker = async () => {
    while (next < frames.length) {
      const chunk = frames.slice(next, next + PER_CONNECTION)
      next += PER_CONNECTION
      if ((await fuzzConnection(chunk)).closedByBroker) brokerClosed++
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return { brokerClosed, ms: Date.now() - started }
}

describe('fuzzing the listener', () => {
  it(`survives ${FRAMES} random and mutated frames while a kafkajs producer works without an error (seed ${SEED})`, async () => {
    const topic = uniqueTopic('fuzz-producer')
    const target = uniqueTopic('fuzz-target')
    await createTopic(broker.bootstrap, topic, 2)
    await createTopic(broker.bootstrap, target, 2)
    const frames = frameSchedule(seededRng(SEED), await seedFrames(target), hostileFrames(target))

    const producer = await startProducerLoop(topic)
    const { brokerClosed, ms } = await fuzz(frames)
    const { acked, errors, batches } = await producer.stop()
    console.log(`fuzz seed ${SEED}: ${frames.length} frames over ${Math.ceil(frames.length / PER_CONNECTION)} connections in ${ms} ms; `
      + `${brokerClosed} closed by the broker; producer acked ${acked[0]! + acked[1]!} records in ${batches} batches`)
    if (process.env.BROOKLET_FUZZ_DUMP) console.log(summarize(brokerLog))

    expect(errors, `producer errors (seed ${SEED})`).toEqual([])
    expect(batches).toBeGreaterThan(10)
    expect(brokerLog.filter((l) => l.includes('handler failed')), 'handlers threw on fuzzed input').toEqual([])

    // The log holds exactly what was acknowledged: high watermarks and every record's content.
    const admin = kafkaClient(broker.bootstrap).admin()
    await admin.connect()
    const offsets = await admin.fetchTopicOffsets(topic)
    await admin.disconnect()
    for (const o of offsets) expect({ partition: o.partition, low: o.low, high: o.high }).toEqual({ partition: o.partition, low: '0', high: String(acked[o.partition]) })
    await expectLogContent(topic, acked)

    // Still up: a plain Metadata request on a fresh connection.
    const c = await RawConnection.open('127.0.0.1', broker.port)
    const meta = readMetadataResponse(await c.exchange(metadataFrame(1, 99, [topic])), 1)
    expect(meta.topics[0]?.errorCode).toBe(0)
    expect(meta.topics[0]?.partitions).toHaveLength(2)
    c.destroy()
  })
})

async function expectLogContent(topic: string, acked: number[]): Promise<void> {
  const consumer = kafkaClient(broker.bootstrap).consumer({ groupId: uniqueTopic('fuzz-check') })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  const total = acked[0]! + acked[1]!
  const seen = [[], []] as string[][]
  let count = 0
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${count} of ${total}`)), 30_000)
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen[partition]!.push(`${message.offset}:${message.key?.toString()}:${message.value?.toString()}`)
        if (++count === total) {
          clearTimeout(timer)
          resolve()
        }
      },
    })
  })
  await consumer.disconnect()
  for (const p of [0, 1]) {
    expect(seen[p]).toEqual(Array.from({ length: acked[p]! }, (_, i) => `${i}:p${p}-${i}:n${i}`))
  }
}

/** Broker log lines grouped by reason (numbers stripped), for BROOKLET_FUZZ_DUMP=1 runs. */
function summarize(lines: string[]): string {
  const counts = new Map<string, number>()
  for (const l of lines) {
    const reason = l.replace(/^connection \d+ \([^)]*\)/, '').replace(/connection \d+/, '').replace(/\d+/g, 'N').slice(0, 120)
    counts.set(reason, (counts.get(reason) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n}\t${r}`).join('\n')
}
