import { describe, expect, it } from 'vitest'
import { BrokerEvents } from '../broker/events'
import { ErrorCode } from '../protocol/error-codes'
import { encodeBatch } from '../protocol/records'
import { MemoryStorage } from '../storage/memory/memory-storage'
import { LogService } from './log-service'
import { storageWriteFailure } from './storage-failure'

/** A memory engine whose next appendMany fails like SQLite on a full disk. */
class FullDiskStorage extends MemoryStorage {
  full = false
  override appendMany(...args: Parameters<MemoryStorage['appendMany']>): void {
    if (this.full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    super.appendMany(...args)
  }
}

describe('storage write failures', () => {
  it('classifies disk-full and I/O errors, nothing else', () => {
    expect(storageWriteFailure(Object.assign(new Error('x'), { code: 'SQLITE_IOERR_WRITE' }))).toContain('SQLITE_IOERR_WRITE')
    expect(storageWriteFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toContain('ENOSPC')
    expect(storageWriteFailure(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBeUndefined()
    expect(storageWriteFailure(new TypeError('bug'))).toBeUndefined()
  })

  it('answers KAFKA_STORAGE_ERROR and leaves offsets and producer state as they were', async () => {
    const storage = new FullDiskStorage()
    storage.createTopic('t', 1, {})
    const log = new LogService(storage, new BrokerEvents())
    const idempotent = (seq: number) => encodeBatch([{ value: `v${seq}` }], { producerId: 7n, producerEpoch: 0, baseSequence: seq })
    expect(log.appendProduced([{ topic: 't', partition: 0, records: await idempotent(0) }], 9)[0]).toMatchObject({ errorCode: 0, baseOffset: 0n })
    storage.full = true
    const [failed] = log.appendProduced([{ topic: 't', partition: 0, records: await idempotent(1) }], 9)
    expect(failed).toMatchObject({ errorCode: ErrorCode.KAFKA_STORAGE_ERROR, baseOffset: -1n })
    expect(failed!.errorMessage).toContain('SQLITE_FULL')
    expect(storage.offsets('t', 0).highWatermark).toBe(1n)
    storage.full = false
    // The retry of sequence 1 is accepted at the next offset: the failed attempt left no trace.
    expect(log.appendProduced([{ topic: 't', partition: 0, records: await idempotent(1) }], 9)[0]).toMatchObject({ errorCode: 0, baseOffset: 1n })
  })
})
