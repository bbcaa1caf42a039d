// Issue 5 acceptance with kafkajs 2.2.4: transactional commit and abort seen through read_committed and
// read_uncommitted consumers, sendOffsets committed atomically with the messages, fencing by a second
// producer with the same transactional.id, and transaction.timeout.ms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Kafka } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { createTopic, testBroker, uniqueTopic } from './helpers'
import { consumeUntil, kafkaFor, produceSentinels, sawSentinels, stability, storedMarkers } from './issue5-support'

let broker: RunningBroker
let kafka: Kafka

beforeAll(async () => {
  broker = await testBroker({ groupConfig: { initialRebalanceDelayMs: 0 } })
  kafka = kafkaFor(broker)
})
afterAll(async () => {
  await broker?.stop()
})

function txProducer(id: string, transactionTimeout = 30_000) {
  return kafka.producer({ transactionalId: id, idempotent: true, maxInFlightRequests: 1, transactionTimeout, retry: { retries: 2 } })
}

const values = (list: { value: string }[]) => list.map((v) => v.value).sort()

describe('kafkajs transactional producer', () => {
  it('commit is visible to read_committed; abort only to read_uncommitted', async () => {
    const topic = uniqueTopic('tx-kafkajs')
    await createTopic(broker.bootstrap, topic, 2)
    const producer = txProducer(`${topic}-tx`)
    await producer.connect()
    const committed = await producer.transaction()
    await committed.send({ topic, messages: [0, 1, 2, 3].map((i) => ({ value: `c${i}`, partition: i % 2 })) })
    await committed.commit()

    const aborted = await producer.transaction()
    await aborted.send({ topic, messages: [0, 1, 2, 3].map((i) => ({ value: `a${i}`, partition: i % 2 })) })
    // Open transaction: the LSO stays at its first offset while the high watermark moves on.
    expect(stability(broker, topic, 0).lso).toBeLessThan(stability(broker, topic, 0).hw)
    expect(broker.context.transactions.openTransactions().map((t) => t.transactionalId)).toContain(`${topic}-tx`)
    await aborted.abort()
    expect(stability(broker, topic, 0)).toEqual({ lso: stability(broker, topic, 0).hw, hw: stability(broker, topic, 0).hw })
    await producer.disconnect()
    await produceSentinels(kafka, topic, 2)

    const readCommitted = await consumeUntil(kafka, topic, { readUncommitted: false, done: sawSentinels(2) })
    expect(values(readCommitted)).toEqual(['c0', 'c1', 'c2', 'c3', 'end-0', 'end-1'])
    const readUncommitted = await consumeUntil(kafka, topic, { readUncommitted: true, done: sawSentinels(2) })
    expect(values(readUncommitted)).toEqual(['a0', 'a1', 'a2', 'a3', 'c0', 'c1', 'c2', 'c3', 'end-0', 'end-1'])
    for (const p of [0, 1]) expect(await storedMarkers(broker, topic, p)).toEqual(['COMMIT', 'ABORT'])
  }, 60_000)

  it('a read_committed consumer waits at an open transaction and continues once it commits', async () => {
    const topic = uniqueTopic('tx-kafkajs-wait')
    await createTopic(broker.bootstrap, topic, 1)
    const producer = txProducer(`${topic}-tx`)
    await producer.connect()
    const txn = await producer.transaction()
    await txn.send({ topic, messages: [{ value: 'pending' }] })
    await produceSentinels(kafka, topic, 1, 'after')
    const reading = consumeUntil(kafka, topic, { readUncommitted: false, done: sawSentinels(1, 'after') })
    await new Promise((r) => setTimeout(r, 1500))
    await txn.commit()
    expect((await reading).map((v) => v.value)).toEqual(['pending', 'after-0'])
    await producer.disconnect()
  }, 60_000)

  it('sendOffsets commits the group offsets with the transaction, and an abort discards them', async () => {
    const topic = uniqueTopic('tx-kafkajs-offsets')
    const input = uniqueTopic('tx-kafkajs-input')
    await createTopic(broker.bootstrap, topic, 1)
    await createTopic(broker.bootstrap, input, 1)
    const group = `${topic}-group`
    const admin = kafka.admin()
    await admin.connect()
    const committedOffset = async () => (await admin.fetchOffsets({ groupId: group, topics: [input] }))[0]?.partitions[0]?.offset
    const producer = txProducer(`${topic}-tx`)
    await producer.connect()

    const txn = await producer.transaction()
    await txn.send({ topic, messages: [{ value: 'out-1' }] })
    await txn.sendOffsets({ consumerGroupId: group, topics: [{ topic: input, partitions: [{ partition: 0, offset: '7' }] }] })
    expect(await committedOffset()).toBe('-1')
    expect(broker.context.transactions.hasPendingOffset(group, input, 0)).toBe(true)
    await txn.commit()
    expect(await committedOffset()).toBe('7')

    const rolledBack = await producer.transaction()
    await rolledBack.send({ topic, messages: [{ value: 'out-2' }] })
    await rolledBack.sendOffsets({ consumerGroupId: group, topics: [{ topic: input, partitions: [{ partition: 0, offset: '9' }] }] })
    await rolledBack.abort()
    expect(await committedOffset()).toBe('7')
    expect(broker.context.transactions.hasPendingOffset(group, input, 0)).toBe(false)
    await producer.disconnect()
    await admin.disconnect()
  }, 60_000)

  it('a second producer with the same transactional.id fences the first and aborts its transaction', async () => {
    const topic = uniqueTopic('tx-kafkajs-fence')
    await createTopic(broker.bootstrap, topic, 1)
    const id = `${topic}-tx`
    const first = txProducer(id)
    await first.connect()
    const zombie = await first.transaction()
    await zombie.send({ topic, messages: [{ value: 'zombie-1' }] })

    const second = txProducer(id)
    await second.connect()
    const txn = await second.transaction()
    await txn.send({ topic, messages: [{ value: 'fresh' }] })
    await txn.commit()

    await expect(zombie.send({ topic, messages: [{ value: 'zombie-2' }] })).rejects.toThrow()
    await expect(zombie.commit()).rejects.toThrow()
    await first.disconnect()
    await second.disconnect()
    await produceSentinels(kafka, topic, 1)
    const seen = await consumeUntil(kafka, topic, { readUncommitted: false, done: sawSentinels(1) })
    expect(seen.map((v) => v.value)).toEqual(['fresh', 'end-0'])
    expect(await storedMarkers(broker, topic, 0)).toEqual(['ABORT', 'COMMIT'])
  }, 60_000)

  it('a transaction left open past transaction.timeout.ms is aborted and read_committed moves past it', async () => {
    const topic = uniqueTopic('tx-kafkajs-timeout')
    await createTopic(broker.bootstrap, topic, 1)
    const producer = txProducer(`${topic}-tx`, 1000)
    await producer.connect()
    const txn = await producer.transaction()
    await txn.send({ topic, messages: [{ value: 'stalled' }] })
    await produceSentinels(kafka, topic, 1)
    expect(stability(broker, topic, 0).lso).toBe(0n)
    const seen = await consumeUntil(kafka, topic, { readUncommitted: false, done: sawSentinels(1), timeoutMs: 15_000 })
    expect(seen.map((v) => v.value)).toEqual(['end-0'])
    expect(await storedMarkers(broker, topic, 0)).toEqual(['ABORT'])
    // The stalled producer was fenced by the abort's epoch bump.
    await expect(txn.commit()).rejects.toThrow()
    await producer.disconnect()
  }, 60_000)
})
