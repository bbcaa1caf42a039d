import type Database from 'better-sqlite3'
import { BackgroundCheckpointer, type CheckpointerStats } from './checkpointer'

/** SQLite's automatic checkpoint threshold (pages) while no background checkpointer runs. */
export const AUTO_CHECKPOINT_PAGES = 4096
/** Size (bytes) SQLite truncates a reset WAL to while it checkpoints inline (journal_size_limit). */
export const JOURNAL_SIZE_LIMIT = 128 * 1024 * 1024

export interface WalControlOptions {
  /**
   * Start the background checkpointer once this many record bytes were appended: short-lived and
   * lightly used databases keep SQLite's own checkpoints and never pay for a thread.
   */
  startAfterBytes: number
  /** Wake the checkpointer after this many appended bytes (besides its timer). */
  kickEveryBytes: number
  intervalMs: number
  /**
   * Passive checkpoints never reset a WAL that is written continuously (SQLite restarts the log only
   * when every frame is in the database), so past this size the writer runs one RESTART checkpoint
   * itself. It is cheap then: the worker has already copied all but the newest frames.
   */
  walLimitBytes: number
}

export const DEFAULT_WAL_CONTROL: WalControlOptions = {
  startAfterBytes: 16 * 1024 * 1024,
  kickEveryBytes: 64 * 1024 * 1024,
  intervalMs: 500,
  walLimitBytes: 512 * 1024 * 1024,
}

export interface WalControlStats extends CheckpointerStats {
  running: boolean
  /** Synchronous RESTART checkpoints the writer ran to bound the WAL. */
  restarts: number
  /** Time the writer spent in those checkpoints (ms). */
  restartMs: number
}

/** Decides who checkpoints the writer's WAL: SQLite inline (default), or a worker thread under load. */
export class WalControl {
  private checkpointer: BackgroundCheckpointer | undefined
  private disabled: boolean
  private appendedBytes = 0
  private sinceKick = 0
  private seenCheckpoints = 0
  private restarts = 0
  private restartMs = 0
  private restartPending = false
  private readonly pageSize: number

  constructor(
    private readonly db: Database.Database,
    private readonly synchronous: 'NORMAL' | 'FULL',
    private readonly options: WalControlOptions | false = DEFAULT_WAL_CONTROL,
  ) {
    this.disabled = options === false || db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal'
    this.pageSize = Number(db.pragma('page_size', { simple: true }))
  }

  /** Called after a commit that appended `bytes` of record batches. */
  appended(bytes: number): void {
    const o = this.options
    if (o === false || this.disabled) return
    this.appendedBytes += bytes
    if (!this.checkpointer) {
      if (this.appendedBytes >= o.startAfterBytes) this.start(o)
      return
    }
    this.sinceKick += bytes
    this.boundWal(this.checkpointer.stats, o.walLimitBytes)
    // While a RESTART waits for the checkpoint lock, let the worker go idle instead of starting another.
    if (this.sinceKick >= o.kickEveryBytes && !this.restartPending) {
      this.sinceKick = 0
      this.checkpointer.kick()
    }
  }

  get stats(): WalControlStats {
    const s = this.checkpointer?.stats ?? { checkpoints: 0, logFrames: 0, checkpointedFrames: 0, errors: 0, lastCheckpointMs: 0 }
    return { ...s, running: this.checkpointer !== undefined, restarts: this.restarts, restartMs: this.restartMs }
  }

  /** Stops the worker (it closes its connection first), so the writer's close runs the final checkpoint. */
  close(): void {
    this.checkpointer?.stop()
    this.checkpointer = undefined
    this.disabled = true
  }

  private start(o: WalControlOptions): void {
    try {
      this.checkpointer = new BackgroundCheckpointer({
        file: this.db.name,
        synchronous: this.synchronous,
        intervalMs: o.intervalMs,
        onFailure: () => this.fallBack(),
      })
    } catch {
      this.disabled = true
      return
    }
    this.db.pragma('wal_autocheckpoint = 0')
    // The first commit after a RESTART would truncate the ~walLimitBytes WAL to journal_size_limit:
    // that (and re-growing the file afterwards) blocked the event loop 110-130 ms after every RESTART
    // (docs/benchmarks.md). The RESTARTs bound the file instead, and the writer overwrites it in place.
    this.db.pragma('journal_size_limit = -1')
  }

  /** The worker failed: SQLite checkpoints inline again, as before it started. */
  private fallBack(): void {
    this.checkpointer?.stop(0)
    this.checkpointer = undefined
    this.disabled = true
    if (!this.db.open) return
    this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
    this.db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`)
  }

  private boundWal(s: CheckpointerStats, limit: number): void {
    if (!this.restartPending) {
      // Act on each worker report once: right after a passive checkpoint, few frames are left to copy.
      if (s.checkpoints === this.seenCheckpoints) return
      this.seenCheckpoints = s.checkpoints
      if (s.logFrames * this.pageSize <= limit) return
      this.restartPending = true
    }
    const started = performance.now()
    const row = (this.db.pragma('wal_checkpoint(RESTART)') as { busy: number }[])[0]
    // busy: the worker holds the checkpoint lock right now; try again after the next commit.
    if (row && Number(row.busy) !== 0) return
    this.restartMs += performance.now() - started
    this.restarts++
    this.restartPending = false
    this.seenCheckpoints = s.checkpoints
  }
}
