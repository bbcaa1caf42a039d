import { afterEach, describe, expect, it, vi } from 'vitest'
import { Compression, decodeBatch, encodeBatch, isBatchCrcValid, type RecordInput } from '../../protocol/records'
import { ErrorCode } from '../../protocol/error-codes'
import { BrokerEvents } from '../../broker/events'
import { MemoryStorage } from '../../storage/memory/memory-storage'
import { LogService } from '../log-service'
import { LogCleaner } from './cleaner'

const T0 = 1_700_000_000_000

function setup(configs: Record<string, string>, partitions = 1) {
  const clock = { now: T0 }
  const storage = new MemoryStorage()
  storage.createTopic('t', partitions, configs)
  const log = new LogService(storage, new BrokerEvents(), () => clock.now)
  const cleaner = new LogCleaner(storage, { now: () => clock.now })
  const append = async (records: RecordInput[], compression: number = Compression.None) => {
    const [outcome] = log.appendProduced([{ topic: 't', partition: 0, records: await encodeBatch(records, { compression }) }], 9)
    expect(outcome?.errorCode).toBe(0)
  }
  const records = async () => {
    const out: { offset: bigint; key: string | null; value: string | null }[] = []
    for (const b of storage.readBatches('t', 0, 0n, 1 << 30)) {
      expect(isBatchCrcValid(b.bytes)).toBe(true)
      for (const r of (await decodeBatch(b.bytes)).records) out.push({ offset: r.offset, key: r.key?.toString() ?? null, value: r.value?.toString() ?? null })
    }
    return out
  }
  return { clock, storage, log, cleaner, append, records }
}

const rec = (key: string | null, value: string | null, timestamp = BigInt(T0)): RecordInput => ({ key, value, timestamp })

describe('retention', () => {
  it('deletes batches older than retention.ms from the head and moves the log start', async () => {
    const { clock, storage, log, cleaner, append } = setup({ 'retention.ms': '1000' })
    for (let i = 0; i < 5; i++) await append([rec('k', `v${i}`, BigInt(T0 + i * 500)), rec('k', 'x', BigInt(T0 + i * 500))])
    clock.now = T0 + 2200 // batches with max timestamp < T0 + 1200 expire: i = 0, 1, 2
    const report = await cleaner.runNow()
    expect(report.retentionBatchesDeleted).toBe(3)
    expect(storage.offsets('t', 0)).toMatchObject({ logStartOffset: 6n, highWatermark: 10n, batchCount: 2 })
    expect(log.read('t', 0, 2n, 1 << 20).errorCode).toBe(ErrorCode.OFFSET_OUT_OF_RANGE)
    expect(log.read('t', 0, 6n, 1 << 20).batches[0]?.baseOffset).toBe(6n)
    clock.now = T0 + 1_000_000
    await cleaner.runNow()
    expect(storage.offsets('t', 0)).toMatchObject({ logStartOffset: 10n, highWatermark: 10n, batchCount: 0 })
  })

  it('keeps at least retention.bytes, deleting whole batches only', async () => {
    const { storage, cleaner, append } = setup({ 'retention.bytes': '250', 'retention.ms': '-1' })
    for (let i = 0; i < 6; i++) await append([rec('k', 'v'.repeat(20))])
    const size = storage.offsets('t', 0).sizeBytes / 6
    await cleaner.runNow()
    const after = storage.offsets('t', 0)
    expect(after.sizeBytes).toBeGreaterThanOrEqual(250)
    expect(after.sizeBytes - size).toBeLessThan(250)
    expect(after.logStartOffset).toBe(BigInt(6 - after.batchCount))
  })

  it('leaves compact-only topics and infinite retention alone', async () => {
    const { clock, storage, cleaner, append } = setup({ 'cleanup.policy': 'compact', 'retention.ms': '1' })
    await append([rec('a', '1')])
    await append([rec('b', '1')])
    clock.now = T0 + 10_000
    await cleaner.runNow()
    expect(storage.offsets('t', 0).logStartOffset).toBe(0n)
  })
})

describe('compaction', () => {
  it('keeps the latest record per key, offsets unchanged, and never touches the newest batch', async () => {
    const { storage, cleaner, append, records } = setup({ 'cleanup.policy': 'compact' })
    await append([rec('a', 'a0'), rec('b', 'b0'), rec('c', 'c0')], Compression.Gzip) // 0-2
    await append([rec('a', 'a1'), rec(null, 'nokey')]) // 3-4
    await append([rec('b', 'b1'), rec('a', 'a2')], Compression.Gzip) // 5-6
    await append([rec('c', 'c1'), rec('c', 'c2')]) // 7-8: newest batch, left alone
    const report = await cleaner.runNow()
    expect(report).toMatchObject({ compactionsRun: 1, compactedRecordsRemoved: 3 })
    expect(await records()).toEqual([
      { offset: 2n, key: 'c', value: 'c0' },
      { offset: 4n, key: null, value: 'nokey' },
      { offset: 5n, key: 'b', value: 'b1' },
      { offset: 6n, key: 'a', value: 'a2' },
      { offset: 7n, key: 'c', value: 'c1' },
      { offset: 8n, key: 'c', value: 'c2' },
    ])
    // The rewritten first batch still spans 0-2, so consumers continue at 3.
    const first = storage.readBatches('t', 0, 0n, 1)[0]!
    expect([first.baseOffset, first.lastOffset]).toEqual([0n, 2n])
    expect(storage.offsets('t', 0)).toMatchObject({ logStartOffset: 0n, highWatermark: 9n, batchCount: 4 })
    // Nothing new is dirty: the next pass does no work.
    expect((await cleaner.runNow()).compactionsRun).toBe(0)
  })

  it('drops a batch that keeps no record and removes tombstones only after delete.retention.ms', async () => {
    const { clock, storage, cleaner, append, records } = setup({ 'cleanup.policy': 'compact', 'delete.retention.ms': '5000' })
    await append([rec('a', 'a0'), rec('b', 'b0')])
    await append([rec('a', null), rec('b', 'b1')]) // a deleted
    await append([rec('z', 'z0')])
    await cleaner.runNow()
    expect(storage.offsets('t', 0).batchCount).toBe(2)
    expect(await records()).toEqual([{ offset: 2n, key: 'a', value: null }, { offset: 3n, key: 'b', value: 'b1' }, { offset: 4n, key: 'z', value: 'z0' }])
    clock.now = T0 + 4999
    expect((await cleaner.runNow()).compactionsRun).toBe(0)
    clock.now = T0 + 5000
    expect((await cleaner.runNow()).compactionsRun).toBe(1)
    expect(await records()).toEqual([{ offset: 3n, key: 'b', value: 'b1' }, { offset: 4n, key: 'z', value: 'z0' }])
  })

  it('leaves batches younger than min.compaction.lag.ms, and waits for the dirty ratio', async () => {
    const { clock, cleaner, append, records } = setup({ 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '1000', 'min.cleanable.dirty.ratio': '0.9' })
    await append([rec('a', 'a0')])
    await append([rec('a', 'a1')], Compression.None)
    await append([rec('a', 'a2', BigInt(T0 + 5000))])
    await append([rec('a', 'a3', BigInt(T0 + 5000))])
    clock.now = T0 + 1000
    await cleaner.runNow()
    expect((await records()).map((r) => r.value)).toEqual(['a1', 'a2', 'a3'])
    await append([rec('b', 'b0', BigInt(T0 + 5000))])
    clock.now = T0 + 6000
    // Dirty: offsets 2-3 of 0-3 cleanable bytes, below the 0.9 ratio → skipped unless forced.
    expect((await cleaner.runNow()).compactionsRun).toBe(0)
    expect((await cleaner.runNow({ forceCompaction: true })).compactionsRun).toBe(1)
    expect((await records()).map((r) => r.value)).toEqual(['a3', 'b0'])
  })
})

describe('cleaner timer', () => {
  afterEach(() => vi.useRealTimers())
  it('runs on its interval and stops cleanly', async () => {
    vi.useFakeTimers()
    const storage = new MemoryStorage()
    const cleaner = new LogCleaner(storage, { intervalMs: 1000 })
    const pass = vi.spyOn(cleaner, 'runNow')
    cleaner.start()
    await vi.advanceTimersByTimeAsync(3500)
    expect(pass).toHaveBeenCalledTimes(3)
    await cleaner.stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(pass).toHaveBeenCalledTimes(3)
  })
})
