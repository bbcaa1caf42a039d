// Issue 5 acceptance: a broker stopped or SIGKILLed mid-transaction (SQLite data dir) comes back with the
// transaction aborted — markers written, LSO back at the high watermark, staged offsets discarded — and
// the transactional.id usable again. Nothing of the interrupted transaction is ever visible.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Kafka } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { createTopic, tempDataDir, testBroker, uniqueTopic } from './helpers'
import { consumeUntil, kafkaFor, produceSentinels, sawSentinels, stability, storedMarkers } from './issue5-support'

const CHILD = fileURLToPath(new URL('./issue5-broker-child.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** One committed transaction, then one left open with data on both partitions and staged group offsets. */
async function leaveTransactionOpen(kafka: Kafka, topic: string, id: string): Promise<void> {
  const producer = kafka.producer({ transactionalId: id, idempotent: true, maxInFlightRequests: 1, retry: { retries: 1 } })
  await producer.connect()
  const done = await producer.transaction()
  await done.send({ topic, messages: [{ value: 'kept-0', partition: 0 }, { value: 'kept-1', partition: 1 }] })
  await done.commit()
  const open = await producer.transaction()
  await open.send({ topic, messages: [{ value: 'lost-0', partition: 0 }, { value: 'lost-1', partition: 1 }] })
  await open.sendOffsets({ consumerGroupId: `${id}-group`, topics: [{ topic, partitions: [{ partition: 0, offset: '42' }] }] })
  // No commit: the producer just disappears with the broker.
  await producer.disconnect().catch(() => {})
}

async function expectAbortedAfterRestart(broker: RunningBroker, topic: string, id: string): Promise<void> {
  for (const p of [0, 1]) {
    expect(stability(broker, topic, p).lso).toBe(stability(broker, topic, p).hw)
    expect(await storedMarkers(broker, topic, p)).toEqual(['COMMIT', 'ABORT'])
  }
  expect(broker.context.transactions.openTransactions()).toEqual([])
  expect(broker.context.transactions.describe(id)?.state).toBe('CompleteAbort')
  expect(broker.context.storage.fetchOffsets(`${id}-group`)).toEqual([])
  const kafka = kafkaFor(broker, 'issue5-restart-check')
  // The transactional.id works again after the restart.
  const producer = kafka.producer({ transactionalId: id, idempotent: true, maxInFlightRequests: 1 })
  await producer.connect()
  const txn = await producer.transaction()
  await txn.send({ topic, messages: [{ value: 'after-restart', partition: 0 }] })
  await txn.commit()
  await producer.disconnect()
  await produceSentinels(kafka, topic, 2)
  const seen = await consumeUntil(kafka, topic, { readUncommitted: false, done: sawSentinels(2) })
  expect(seen.map((v) => v.value).sort()).toEqual(['after-restart', 'end-0', 'end-1', 'kept-0', 'kept-1'])
}

function spawnChildBroker(dataDir: string): Promise<{ child: ChildProcess; bootstrap: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`child broker did not start: ${err}`)), 30_000)
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) {
        clearTimeout(timer)
        resolve({ child, bootstrap: line.trim() })
      }
    })
    child.on('exit', (code) => reject(new Error(`child broker exited with ${code}: ${err}`)))
  })
}

describe('restart mid-transaction (SQLite)', () => {
  it('a broker stopped without completing the transaction aborts it on start-up', async () => {
    const data = tempDataDir()
    cleanups.push(data.cleanup)
    const topic = uniqueTopic('tx-restart')
    const id = `${topic}-tx`
    const first = await testBroker({ memory: false, dataDir: data.dir, groupConfig: { initialRebalanceDelayMs: 0 } })
    await createTopic(first.bootstrap, topic, 2)
    await leaveTransactionOpen(kafkaFor(first), topic, id)
    expect(first.context.transactions.openTransactions().map((t) => t.state)).toEqual(['Ongoing'])
    // stop() does not complete transactions: it only closes sockets and storage, like a crash would.
    await first.stop()
    const second = await testBroker({ memory: false, dataDir: data.dir, groupConfig: { initialRebalanceDelayMs: 0 } })
    cleanups.push(() => second.stop())
    await expectAbortedAfterRestart(second, topic, id)
  }, 60_000)

  it('a broker process SIGKILLed mid-transaction leaves nothing of it visible', async () => {
    const data = tempDataDir()
    cleanups.push(data.cleanup)
    const topic = uniqueTopic('tx-sigkill')
    const id = `${topic}-tx`
    const { child, bootstrap } = await spawnChildBroker(data.dir)
    cleanups.push(() => void child.kill('SIGKILL'))
    await createTopic(bootstrap, topic, 2)
    const { Kafka, logLevel } = await import('kafkajs')
    await leaveTransactionOpen(new Kafka({ clientId: 'issue5-child', brokers: [bootstrap], logLevel: logLevel.NOTHING }), topic, id)
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGKILL')
    await exited
    const broker = await testBroker({ memory: false, dataDir: data.dir, groupConfig: { initialRebalanceDelayMs: 0 } })
    cleanups.push(() => broker.stop())
    await expectAbortedAfterRestart(broker, topic, id)
  }, 90_000)
})
