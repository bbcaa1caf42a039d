import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ErrorCode } from '../protocol/error-codes'
import { encodeBatch } from '../protocol/records'
import { BrokerEvents } from '../broker/events'
import { initProducerId } from '../broker/producer-ids'
import { MemoryStorage } from '../storage/memory/memory-storage'
import { openStorage } from '../storage/open-storage'
import type { Storage } from '../storage/storage'
import { LogService } from './log-service'
import { LogCleaner } from './cleaner/cleaner'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function batch(producerId: bigint, producerEpoch: number, baseSequence: number, count: number): Promise<Buffer> {
  const records = Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${baseSequence + i}`, timestamp: 1000n }))
  return encodeBatch(records, { producerId, producerEpoch, baseSequence })
}

function produce(log: LogService, records: Buffer, partition = 0) {
  return log.appendProduced([{ topic: 't', partition, records }], 9)[0]!
}

describe('LogService idempotence', () => {
  it('stores a re-sent batch once and answers it with the original offset', async () => {
    const storage = new MemoryStorage()
    storage.createTopic('t', 2, {})
    const log = new LogService(storage, new BrokerEvents())
    expect(produce(log, await batch(-1n, -1, -1, 3))).toMatchObject({ errorCode: 0, baseOffset: 0n })
    const first = await batch(5n, 0, 0, 4)
    expect(produce(log, first)).toMatchObject({ errorCode: 0, baseOffset: 3n })
    expect(produce(log, await batch(5n, 0, 4, 2))).toMatchObject({ errorCode: 0, baseOffset: 7n })
    expect(produce(log, first)).toMatchObject({ errorCode: 0, baseOffset: 3n })
    expect(storage.offsets('t', 0).highWatermark).toBe(9n)
    expect(produce(log, await batch(5n, 0, 9, 1))).toMatchObject({ errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, baseOffset: -1n })
    // Partitions are independent: the same producer starts anywhere on another partition.
    expect(produce(log, await batch(5n, 0, 100, 1), 1)).toMatchObject({ errorCode: 0, baseOffset: 0n })
    expect(storage.offsets('t', 0).highWatermark).toBe(9n)
  })

  it('fences an old epoch after a bump and accepts the new epoch from sequence 0', async () => {
    const storage = new MemoryStorage()
    storage.createTopic('t', 1, {})
    const log = new LogService(storage, new BrokerEvents())
    produce(log, await batch(5n, 0, 0, 2))
    expect(produce(log, await batch(5n, 1, 0, 2))).toMatchObject({ errorCode: 0, baseOffset: 2n })
    expect(produce(log, await batch(5n, 0, 2, 2))).toMatchObject({ errorCode: ErrorCode.INVALID_PRODUCER_EPOCH })
    expect(log.producers.currentEpoch(5n)).toBe(1)
  })

  it('forgets producers idle longer than producer.id.expiration.ms', async () => {
    const clock = { now: 1_000_000 }
    const storage = new MemoryStorage()
    storage.createTopic('t', 1, {})
    const log = new LogService(storage, new BrokerEvents(), () => clock.now)
    const cleaner = new LogCleaner(storage, { now: () => clock.now, producers: log.producers, producerExpirationMs: 1000 })
    const sent = await batch(5n, 0, 0, 2)
    produce(log, sent)
    clock.now += 1000
    expect((await cleaner.runNow()).producersExpired).toBe(0)
    expect(produce(log, sent)).toMatchObject({ errorCode: 0, baseOffset: 0n })
    clock.now += 1001
    expect((await cleaner.runNow()).producersExpired).toBe(1)
    expect(log.producers.currentEpoch(5n)).toBeUndefined()
    // Unknown again: any sequence is accepted (pitfall 16), so this re-send is appended anew.
    expect(produce(log, sent)).toMatchObject({ errorCode: 0, baseOffset: 2n })
  })

  it('keeps producer state across a restart (SQLite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brooklet-idem-'))
    dirs.push(dir)
    const open = (): [Storage, LogService] => {
      const s = openStorage({ dataDir: dir })
      return [s, new LogService(s, new BrokerEvents())]
    }
    const [s1, log1] = open()
    s1.createTopic('t', 1, {})
    const sent = await batch(77n, 2, 10, 5)
    expect(produce(log1, sent)).toMatchObject({ errorCode: 0, baseOffset: 0n })
    s1.close()
    const [s2, log2] = open()
    expect(produce(log2, sent)).toMatchObject({ errorCode: 0, baseOffset: 0n })
    expect(produce(log2, await batch(77n, 2, 16, 1))).toMatchObject({ errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER })
    expect(produce(log2, await batch(77n, 2, 15, 1))).toMatchObject({ errorCode: 0, baseOffset: 5n })
    expect(log2.producers.currentEpoch(77n)).toBe(2)
    s2.close()
  })
})

describe('initProducerId (KIP-360)', () => {
  const epochs = () => {
    const map = new Map<bigint, number>()
    return { currentEpoch: (id: bigint) => map.get(id), noteEpoch: (id: bigint, e: number) => void map.set(id, Math.max(e, map.get(id) ?? -1)) }
  }
  it('allocates, bumps only the current epoch, fences older ones, and re-ids unknown producers', () => {
    const e = epochs()
    let next = 1000n
    const alloc = () => next++
    expect(initProducerId(-1n, -1, e, alloc)).toEqual({ errorCode: 0, producerId: 1000n, producerEpoch: 0 })
    expect(initProducerId(1000n, 0, e, alloc)).toEqual({ errorCode: 0, producerId: 1000n, producerEpoch: 1 })
    expect(initProducerId(1000n, 0, e, alloc)).toEqual({ errorCode: ErrorCode.INVALID_PRODUCER_EPOCH, producerId: -1n, producerEpoch: -1 })
    expect(initProducerId(1000n, 1, e, alloc)).toEqual({ errorCode: 0, producerId: 1000n, producerEpoch: 2 })
    expect(initProducerId(4242n, 3, e, alloc)).toEqual({ errorCode: 0, producerId: 1001n, producerEpoch: 0 })
    e.noteEpoch(1001n, 32766)
    expect(initProducerId(1001n, 32766, e, alloc)).toEqual({ errorCode: 0, producerId: 1002n, producerEpoch: 0 })
  })
})
