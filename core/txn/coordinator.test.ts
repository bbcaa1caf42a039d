import { beforeEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../groups/clock'
import { LogService } from '../log/log-service'
import { BrokerEvents } from '../broker/events'
import { MemoryStorage } from '../storage/memory/memory-storage'
import { ErrorCode } from '../protocol/error-codes'
import { decodeBatch, encodeBatch } from '../protocol/records'
import { TransactionCoordinator } from './coordinator'
import { MAX_EPOCH } from './transaction'

let clock: FakeClock
let storage: MemoryStorage
let log: LogService
let txns: TransactionCoordinator
let nextId: bigint

function coordinator(): TransactionCoordinator {
  const c = new TransactionCoordinator({ storage, log, clock, allocateProducerId: () => nextId++ })
  log.txnGuard = (id, epoch, topic, partition) => c.checkProduce(id, epoch, topic, partition)
  return c
}

beforeEach(() => {
  clock = new FakeClock()
  storage = new MemoryStorage({ now: () => clock.now() })
  storage.createTopic('t', 2, {})
  log = new LogService(storage, new BrokerEvents(), () => clock.now())
  nextId = 100n
  txns = coordinator()
})

/** A transactional batch of `count` records from (producerId, epoch) starting at sequence `seq`. */
async function produce(partition: number, producerId: bigint, producerEpoch: number, seq: number, count = 2): Promise<number> {
  const records = Array.from({ length: count }, (_, i) => ({ value: `v${seq + i}` }))
  const bytes = await encodeBatch(records, { isTransactional: true, producerId, producerEpoch, baseSequence: seq })
  return log.appendProduced([{ topic: 't', partition, records: bytes }], 7)[0]!.errorCode
}

async function markers(partition: number): Promise<string[]> {
  const out: string[] = []
  for (const b of storage.readBatches('t', partition, 0n, 1 << 20)) {
    const d = await decodeBatch(b.bytes)
    if (d.isControl) out.push(`${d.records[0]?.control?.type === 1 ? 'COMMIT' : 'ABORT'}@${b.baseOffset}`)
  }
  return out
}

const tp = (partition: number) => ({ topic: 't', partition })

describe('TransactionCoordinator', () => {
  it('hands out one producer id per transactional id and bumps the epoch to fence the previous producer', () => {
    expect(txns.initProducerId('a', 60_000, -1n, -1)).toEqual({ errorCode: ErrorCode.NONE, producerId: 100n, producerEpoch: 0 })
    expect(txns.initProducerId('b', 60_000, -1n, -1).producerId).toBe(101n)
    expect(txns.initProducerId('a', 60_000, -1n, -1)).toEqual({ errorCode: ErrorCode.NONE, producerId: 100n, producerEpoch: 1 })
    expect(txns.addPartitions('a', 100n, 0, [tp(0)])[0]?.errorCode).toBe(ErrorCode.PRODUCER_FENCED)
    expect(txns.addPartitions('a', 999n, 1, [tp(0)])[0]?.errorCode).toBe(ErrorCode.INVALID_PRODUCER_ID_MAPPING)
    // KIP-360: only the current (id, epoch) may ask for a bump.
    expect(txns.initProducerId('a', 60_000, 100n, 0).errorCode).toBe(ErrorCode.PRODUCER_FENCED)
    expect(txns.initProducerId('a', 60_000, 100n, 1).producerEpoch).toBe(2)
    expect(txns.initProducerId('a', 0, -1n, -1).errorCode).toBe(ErrorCode.INVALID_TRANSACTION_TIMEOUT)
    expect(txns.initProducerId('a', 900_001, -1n, -1).errorCode).toBe(ErrorCode.INVALID_TRANSACTION_TIMEOUT)
  })

  it('moves to a new producer id once the epoch space is used up', () => {
    txns.initProducerId('a', 60_000, -1n, -1)
    storage.saveTransaction({ ...txns.describe('a')!, producerEpoch: MAX_EPOCH })
    txns = coordinator()
    expect(txns.initProducerId('a', 60_000, -1n, -1)).toEqual({ errorCode: ErrorCode.NONE, producerId: 101n, producerEpoch: 0 })
  })

  it('commits: markers on every added partition, LSO back to the high watermark, retries answered', async () => {
    const { producerId } = txns.initProducerId('a', 60_000, -1n, -1)
    expect(txns.addPartitions('a', producerId, 0, [tp(0), tp(1)]).map((r) => r.errorCode)).toEqual([0, 0])
    expect(await produce(0, producerId, 0, 0)).toBe(ErrorCode.NONE)
    expect(await produce(0, producerId, 0, 2)).toBe(ErrorCode.NONE)
    expect(log.lastStableOffset('t', 0)).toBe(0n)
    expect(log.lastStableOffsets()).toEqual([
      { topic: 't', partition: 0, highWatermark: 4n, lastStableOffset: 0n },
      { topic: 't', partition: 1, highWatermark: 0n, lastStableOffset: 0n },
    ])
    expect(log.read('t', 0, 0n, 1 << 20, true).batches).toEqual([])
    expect(txns.openTransactions().map((t) => [t.transactionalId, t.state])).toEqual([['a', 'Ongoing']])
    expect(txns.endTxn('a', producerId, 0, true)).toBe(ErrorCode.NONE)
    expect(await markers(0)).toEqual(['COMMIT@4'])
    expect(await markers(1)).toEqual(['COMMIT@0'])
    expect(log.lastStableOffset('t', 0)).toBe(5n)
    expect(log.read('t', 0, 0n, 1 << 20, true)).toMatchObject({ lastStableOffset: 5n, abortedTransactions: [] })
    expect(txns.endTxn('a', producerId, 0, true)).toBe(ErrorCode.NONE)
    expect(txns.endTxn('a', producerId, 0, false)).toBe(ErrorCode.INVALID_TXN_STATE)
    expect(txns.openTransactions()).toEqual([])
  })

  it('refuses transactional batches outside the transaction or from an old epoch', async () => {
    const { producerId } = txns.initProducerId('a', 60_000, -1n, -1)
    expect(await produce(0, producerId, 0, 0)).toBe(ErrorCode.INVALID_TXN_STATE)
    txns.addPartitions('a', producerId, 0, [tp(0)])
    expect(await produce(1, producerId, 0, 0)).toBe(ErrorCode.INVALID_TXN_STATE)
    expect(await produce(0, 555n, 0, 0)).toBe(ErrorCode.INVALID_TXN_STATE)
    txns.initProducerId('a', 60_000, -1n, -1)
    expect(await produce(0, producerId, 0, 0)).toBe(ErrorCode.INVALID_PRODUCER_EPOCH)
  })

  it('aborts: the aborted-transaction index covers the data, read_committed gets it with the batches', async () => {
    const { producerId } = txns.initProducerId('a', 60_000, -1n, -1)
    txns.addPartitions('a', producerId, 0, [tp(0)])
    await produce(0, producerId, 0, 0, 3)
    expect(txns.endTxn('a', producerId, 0, false)).toBe(ErrorCode.NONE)
    expect(await markers(0)).toEqual(['ABORT@3'])
    const read = log.read('t', 0, 0n, 1 << 20, true)
    expect(read.batches.map((b) => b.baseOffset)).toEqual([0n, 3n])
    expect(read.abortedTransactions).toEqual([{ producerId, firstOffset: 0n }])
    expect(log.read('t', 0, 4n, 1 << 20, true).abortedTransactions).toEqual([])
    expect(log.read('t', 0, 0n, 1 << 20, false).abortedTransactions).toBeNull()
  })

  it('aborts a transaction open past transaction.timeout.ms and fences its producer', async () => {
    const { producerId } = txns.initProducerId('a', 5_000, -1n, -1)
    txns.addPartitions('a', producerId, 0, [tp(0)])
    await produce(0, producerId, 0, 0)
    clock.advance(4_999)
    expect(txns.describe('a')?.state).toBe('Ongoing')
    clock.advance(1)
    expect(txns.describe('a')).toMatchObject({ state: 'CompleteAbort', producerEpoch: 1 })
    expect(log.lastStableOffset('t', 0)).toBe(3n)
    expect(await markers(0)).toEqual(['ABORT@2'])
    expect(txns.endTxn('a', producerId, 0, true)).toBe(ErrorCode.PRODUCER_FENCED)
    expect(clock.pendingTimers).toBe(0)
  })

  it('a new producer instance aborts the transaction its predecessor left open', async () => {
    const { producerId } = txns.initProducerId('a', 60_000, -1n, -1)
    txns.addPartitions('a', producerId, 0, [tp(0)])
    await produce(0, producerId, 0, 0)
    expect(txns.initProducerId('a', 60_000, -1n, -1)).toEqual({ errorCode: ErrorCode.NONE, producerId, producerEpoch: 1 })
    expect(await markers(0)).toEqual(['ABORT@2'])
    expect(clock.pendingTimers).toBe(0)
    // The new epoch starts a fresh transaction at sequence 0.
    txns.addPartitions('a', producerId, 1, [tp(0)])
    expect(await produce(0, producerId, 1, 0)).toBe(ErrorCode.NONE)
  })

  it('stages offsets until commit, discards them on abort', () => {
    const { producerId } = txns.initProducerId('a', 60_000, -1n, -1)
    const offset = (o: bigint) => ({ group: 'g', topic: 't', partition: 1, offset: o, leaderEpoch: -1, metadata: null, commitTimestampMs: 0 })
    expect(txns.stageOffsets('a', 'g', producerId, 0, 0, [offset(3n)])[0]?.errorCode).toBe(ErrorCode.INVALID_TXN_STATE)
    expect(txns.addOffsets('a', producerId, 0, 'g')).toBe(ErrorCode.NONE)
    expect(txns.stageOffsets('a', 'g', producerId, 0, ErrorCode.ILLEGAL_GENERATION, [offset(3n)])[0]?.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION)
    expect(txns.stageOffsets('a', 'g', producerId, 0, 0, [offset(3n)])[0]?.errorCode).toBe(ErrorCode.NONE)
    expect(txns.hasPendingOffset('g', 't', 1)).toBe(true)
    expect(storage.fetchOffsets('g')).toEqual([])
    txns.endTxn('a', producerId, 0, true)
    expect(storage.fetchOffsets('g').map((o) => [o.offset, o.metadata])).toEqual([[3n, '']])
    expect(txns.hasPendingOffset('g', 't', 1)).toBe(false)
    txns.addOffsets('a', producerId, 0, 'g')
    txns.stageOffsets('a', 'g', producerId, 0, 0, [offset(8n)])
    txns.endTxn('a', producerId, 0, false)
    expect(storage.fetchOffsets('g').map((o) => o.offset)).toEqual([3n])
  })

  it('on start-up completes a recorded commit and aborts what was ongoing', async () => {
    const a = txns.initProducerId('a', 60_000, -1n, -1)
    const b = txns.initProducerId('b', 60_000, -1n, -1)
    txns.addPartitions('a', a.producerId, 0, [tp(0)])
    txns.addOffsets('a', a.producerId, 0, 'g')
    txns.stageOffsets('a', 'g', a.producerId, 0, 0, [{ group: 'g', topic: 't', partition: 0, offset: 2n, leaderEpoch: -1, metadata: 'm', commitTimestampMs: 0 }])
    txns.addPartitions('b', b.producerId, 0, [tp(1)])
    await produce(0, a.producerId, 0, 0)
    await produce(1, b.producerId, 0, 0)
    // A crash right after the commit decision was recorded, before any marker.
    storage.saveTransaction({ ...txns.describe('a')!, state: 'PrepareCommit' })
    txns.shutdown()
    log = new LogService(storage, new BrokerEvents(), () => clock.now())
    txns = coordinator()
    expect(log.lastStableOffset('t', 0)).toBe(0n)
    txns.recover()
    expect(await markers(0)).toEqual(['COMMIT@2'])
    expect(await markers(1)).toEqual(['ABORT@2'])
    expect(storage.fetchOffsets('g').map((o) => [o.offset, o.metadata])).toEqual([[2n, 'm']])
    expect(txns.describe('a')?.state).toBe('CompleteCommit')
    expect(txns.describe('b')).toMatchObject({ state: 'CompleteAbort', producerEpoch: 1 })
    expect([log.lastStableOffset('t', 0), log.lastStableOffset('t', 1)]).toEqual([3n, 3n])
    expect(txns.openTransactions()).toEqual([])
  })
})
