/**
 * Lag history in the console database: one row per group per second for the last hour (lag_fine), rolled
 * up into one row per group per minute (max lag of the minute) kept for 7 days (lag_coarse). Rolling up and
 * pruning run once per minute, so the table sizes are bounded by groups x (3,600 + 10,080) rows.
 */
import type Database from 'better-sqlite3'
import type { LagHistory, LagPoint, LagWindow } from '../ipc/groups-types'

export const FINE_MS = 1000
export const COARSE_MS = 60_000
export const FINE_RETENTION_MS = 60 * 60_000
export const COARSE_RETENTION_MS = 7 * 24 * 60 * 60_000

/** Window length and the bucket the chart gets (at most ~720 points, whatever the window). */
const WINDOWS: Record<LagWindow, { ms: number; resolutionMs: number }> = {
  '5m': { ms: 5 * 60_000, resolutionMs: 1000 },
  '15m': { ms: 15 * 60_000, resolutionMs: 2000 },
  '1h': { ms: 60 * 60_000, resolutionMs: 5000 },
  '6h': { ms: 6 * 60 * 60_000, resolutionMs: 60_000 },
  '24h': { ms: 24 * 60 * 60_000, resolutionMs: 2 * 60_000 },
  '7d': { ms: 7 * 24 * 60 * 60_000, resolutionMs: 15 * 60_000 },
}

export interface LagSample {
  groupId: string
  lag: number
}

const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step

export class LagHistoryStore {
  private readonly insertFine: Database.Statement<[string, number, number]>
  private readonly rollUp: Database.Statement<[number, number]>
  private readonly pruneFine: Database.Statement<[number]>
  private readonly pruneCoarse: Database.Statement<[number]>
  private readonly deleteGroup: Database.Statement<[string]>[]
  /** Minutes before this are already in lag_coarse. */
  private rolledUntil: number | null

  constructor(private readonly db: Database.Database) {
    this.insertFine = db.prepare('INSERT OR REPLACE INTO lag_fine (group_id, at_ms, lag) VALUES (?, ?, ?)')
    this.rollUp = db.prepare(`INSERT OR REPLACE INTO lag_coarse (group_id, at_ms, lag)
      SELECT group_id, (at_ms / ${COARSE_MS}) * ${COARSE_MS}, MAX(lag) FROM lag_fine WHERE at_ms >= ? AND at_ms < ?
      GROUP BY group_id, at_ms / ${COARSE_MS}`)
    this.pruneFine = db.prepare('DELETE FROM lag_fine WHERE at_ms < ?')
    this.pruneCoarse = db.prepare('DELETE FROM lag_coarse WHERE at_ms < ?')
    this.deleteGroup = [db.prepare('DELETE FROM lag_fine WHERE group_id = ?'), db.prepare('DELETE FROM lag_coarse WHERE group_id = ?')]
    // After a restart, resume rolling up where the last run stopped (a minute cut short is rolled up again).
    const lastCoarse = db.prepare('SELECT MAX(at_ms) AS m FROM lag_coarse').get() as { m: number | null }
    const firstFine = db.prepare('SELECT MIN(at_ms) AS m FROM lag_fine').get() as { m: number | null }
    this.rolledUntil = lastCoarse.m !== null ? lastCoarse.m : firstFine.m !== null ? floorTo(firstFine.m, COARSE_MS) : null
  }

  /** One sample per group at `atMs` (rounded down to the second); rolls up and prunes when a minute ends. */
  record(atMs: number, samples: LagSample[]): void {
    const at = floorTo(atMs, FINE_MS)
    this.db.transaction(() => {
      for (const s of samples) this.insertFine.run(s.groupId, at, Math.max(0, Math.round(s.lag)))
      this.maintain(atMs)
    })()
  }

  /** Rolls up every complete minute not yet rolled up, then drops rows past their retention. */
  maintain(nowMs: number): void {
    const minute = floorTo(nowMs, COARSE_MS)
    if (this.rolledUntil === null) this.rolledUntil = minute
    if (this.rolledUntil >= minute) return
    this.rollUp.run(this.rolledUntil, minute)
    this.rolledUntil = minute
    this.pruneFine.run(minute - FINE_RETENTION_MS - COARSE_MS)
    this.pruneCoarse.run(nowMs - COARSE_RETENTION_MS)
  }

  history(groupId: string, window: LagWindow, nowMs: number): LagHistory {
    const { ms, resolutionMs } = WINDOWS[window]
    const fromMs = nowMs - ms
    const bucket = (table: 'lag_fine' | 'lag_coarse', from: number) => this.db.prepare(
      `SELECT (at_ms / ${resolutionMs}) * ${resolutionMs} AS atMs, MAX(lag) AS lag FROM ${table}
       WHERE group_id = ? AND at_ms >= ? GROUP BY at_ms / ${resolutionMs} ORDER BY atMs`,
    ).all(groupId, from) as LagPoint[]
    let points: LagPoint[]
    if (ms <= FINE_RETENTION_MS) {
      points = bucket('lag_fine', fromMs)
    } else {
      // Coarse rows up to the last rolled-up minute, then the fine rows of the minute in progress.
      const split = this.rolledUntil ?? floorTo(nowMs, COARSE_MS)
      const older = bucket('lag_coarse', fromMs).filter((p) => p.atMs < split)
      const recent = bucket('lag_fine', Math.max(fromMs, split))
      points = mergeBuckets(older, recent)
    }
    return { groupId, window, fromMs, toMs: nowMs, resolutionMs, points }
  }

  forget(groupId: string): void {
    for (const s of this.deleteGroup) s.run(groupId)
  }

  rowCounts(): { fine: number; coarse: number } {
    const count = (t: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n
    return { fine: count('lag_fine'), coarse: count('lag_coarse') }
  }
}

function mergeBuckets(a: LagPoint[], b: LagPoint[]): LagPoint[] {
  const byAt = new Map<number, number>()
  for (const p of [...a, ...b]) byAt.set(p.atMs, Math.max(p.lag, byAt.get(p.atMs) ?? 0))
  return [...byAt].sort((x, y) => x[0] - y[0]).map(([atMs, lag]) => ({ atMs, lag }))
}
