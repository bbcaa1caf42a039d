import { afterEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../../core/groups/clock'
import { openConsoleDb } from './console-db'
import { COARSE_RETENTION_MS, FINE_RETENTION_MS, LagHistoryStore } from './lag-history'
import { LagSampler } from './lag-sampler'

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)
const dbs: { close(): void }[] = []
afterEach(() => { for (const d of dbs.splice(0)) d.close() })

function setup(lag: () => number) {
  const db = openConsoleDb(null)
  dbs.push(db)
  const clock = new FakeClock(T0)
  const store = new LagHistoryStore(db)
  const sampler = new LagSampler(clock, () => [{ groupId: 'g', lag: lag() }], store)
  return { db, clock, store, sampler }
}

describe('lag sampler and history', () => {
  it('samples once a second on the second, and stops on stop()', () => {
    let lag = 0
    const { clock, store, sampler } = setup(() => (lag += 10))
    sampler.start()
    clock.advance(5_000)
    const h = store.history('g', '5m', clock.now())
    expect(h.resolutionMs).toBe(1000)
    expect(h.points.map((p) => p.lag)).toEqual([10, 20, 30, 40, 50])
    expect(h.points.every((p) => p.atMs % 1000 === 0)).toBe(true)
    sampler.stop()
    clock.advance(5_000)
    expect(store.history('g', '5m', clock.now()).points).toHaveLength(5)
    expect(clock.pendingTimers).toBe(0)
  })

  it('rolls complete minutes up into max-per-minute rows and serves long windows from them', () => {
    let i = 0
    const { clock, store, sampler } = setup(() => (i++ % 60 === 30 ? 500 : 5))
    sampler.start()
    clock.advance(3 * 60_000 + 10_000)
    const day = store.history('g', '24h', clock.now())
    expect(day.resolutionMs).toBe(120_000)
    expect(Math.max(...day.points.map((p) => p.lag))).toBe(500)
    expect(store.rowCounts().coarse).toBe(3)
  })

  it('keeps 1 s rows for an hour and minute rows for 7 days (bounded tables)', () => {
    const { clock, store, sampler } = setup(() => 7)
    sampler.start()
    clock.advance(2 * 60 * 60_000)
    const counts = store.rowCounts()
    expect(counts.fine).toBeLessThanOrEqual(FINE_RETENTION_MS / 1000 + 2 * 60)
    expect(counts.fine).toBeGreaterThanOrEqual(FINE_RETENTION_MS / 1000)
    expect(counts.coarse).toBe(120)
    sampler.stop()
    // Jump past the coarse retention: the next write prunes everything older than 7 days.
    clock.advance(COARSE_RETENTION_MS + 60_000)
    store.record(clock.now(), [{ groupId: 'g', lag: 1 }])
    expect(store.rowCounts().coarse).toBeLessThanOrEqual(1)
  })

  it('history survives reopening the database file', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'brooklet-lag-'))
    try {
      const file = join(dir, 'console.sqlite')
      const db1 = openConsoleDb(file)
      new LagHistoryStore(db1).record(T0, [{ groupId: 'g', lag: 42 }])
      db1.close()
      const db2 = openConsoleDb(file)
      dbs.push(db2)
      expect(new LagHistoryStore(db2).history('g', '5m', T0 + 1000).points).toEqual([{ atMs: T0, lag: 42 }])
    } finally {
      for (const d of dbs.splice(0)) d.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('skips a tick while an async sample is still in flight', async () => {
    const db = openConsoleDb(null)
    dbs.push(db)
    const store = new LagHistoryStore(db)
    let release: () => void = () => {}
    const sampler = new LagSampler(new FakeClock(T0), () => new Promise((r) => { release = () => r([{ groupId: 'g', lag: 1 }]) }), store)
    const first = sampler.sampleOnce()
    expect(sampler.sampleOnce()).toBeUndefined()
    release()
    await first
    expect(sampler.samplesTaken).toBe(1)
  })
})
