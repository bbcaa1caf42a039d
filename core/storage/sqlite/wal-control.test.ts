import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppendInput } from '../storage'
import { openDatabase } from './open-database'
import { SqliteStorage } from './sqlite-storage'
import { JOURNAL_SIZE_LIMIT, WalControl } from './wal-control'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-wal-'))
  dirs.push(dir)
  return join(dir, 'brooklet.sqlite')
}

function batch(offset: bigint, size: number): AppendInput {
  return {
    topic: 't', partition: 0, bytes: Buffer.alloc(size, Number(offset % 251n)), baseOffset: offset, lastOffset: offset,
    maxTimestamp: 0n, producerId: -1n, baseSequence: -1, isTransactional: false, isControl: false,
  }
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

const SMALL = { startAfterBytes: 1 << 20, kickEveryBytes: 1 << 20, intervalMs: 50, walLimitBytes: 4 << 20 }

describe('WalControl (background checkpoints)', () => {
  it('stays on SQLite checkpoints until enough bytes were appended', () => {
    const s = new SqliteStorage(tempFile(), { walControl: SMALL })
    s.createTopic('t', 1, {})
    s.append(batch(0n, 1000))
    expect(s.walStats.running).toBe(false)
    s.close()
  })

  it('checkpoints from a worker, bounds the WAL, and closes cleanly with every batch intact', async () => {
    const file = tempFile()
    const s = new SqliteStorage(file, { walControl: SMALL })
    s.createTopic('t', 1, {})
    let next = 0n
    const size = 64 * 1024
    // ~48 MiB in 64 KiB batches, several per transaction, yielding so the worker's reports arrive.
    for (let round = 0; round < 96; round++) {
      s.appendMany(Array.from({ length: 8 }, () => batch(next++, size)))
      await new Promise((r) => setTimeout(r, 2))
    }
    expect(s.walStats.running).toBe(true)
    await until(() => s.walStats.checkpoints > 0)
    expect(s.walStats.errors).toBe(0)
    expect(s.walStats.restarts).toBeGreaterThan(0)
    // The bound is approximate (a RESTART follows the next worker report), far below the 48 MiB written.
    expect(statSync(`${file}-wal`).size).toBeLessThan(24 << 20)
    s.close()
    expect(existsSync(`${file}-wal`)).toBe(false)

    const reopened = new SqliteStorage(file, { walControl: false })
    expect(reopened.offsets('t', 0)).toMatchObject({ highWatermark: next, batchCount: Number(next) })
    const last = reopened.readBatches('t', 0, next - 1n, 1)[0]!
    expect(last.bytes.equals(batch(next - 1n, size).bytes)).toBe(true)
    reopened.close()
  })

  it('fsync always: the worker checkpoints with synchronous=FULL and the data survives', async () => {
    const file = tempFile()
    const s = new SqliteStorage(file, { fsync: 'always', walControl: SMALL })
    s.createTopic('t', 1, {})
    for (let i = 0n; i < 40n; i++) s.append(batch(i, 64 * 1024))
    await until(() => s.walStats.checkpoints > 0)
    s.close()
    const reopened = new SqliteStorage(file)
    expect(reopened.offsets('t', 0).highWatermark).toBe(40n)
    reopened.close()
  })

  it('does not truncate the WAL after each RESTART while the worker runs', () => {
    const db = openDatabase(tempFile())
    const limit = () => Number(db.pragma('journal_size_limit', { simple: true }))
    const wal = new WalControl(db, 'NORMAL', SMALL)
    expect(limit()).toBe(JOURNAL_SIZE_LIMIT)
    wal.appended(SMALL.startAfterBytes)
    expect(wal.stats.running).toBe(true)
    // Truncating the ~walLimitBytes WAL on the first commit after each RESTART stalled the event loop.
    expect(limit()).toBe(-1)
    wal.close()
    db.close()
  })
})
