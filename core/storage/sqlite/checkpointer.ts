// Takes SQLite's WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit
// that crosses wal_autocheckpoint: it copies the WAL into the database file and fsyncs both, blocking the
// broker meanwhile (~27 % of broker time under a streaming producer, docs/benchmarks.md). Instead a worker
// thread with its own connection runs PASSIVE checkpoints, which never block the writer.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Slots of the shared control array.
const CMD = 0 // 0 idle, 1 checkpoint now, 2 stop
const DONE = 1 // 1 once the worker has closed its connection
const COUNT = 2 // checkpoints run
const LOG_FRAMES = 3 // frames in the WAL at the last checkpoint
const CHECKPOINTED = 4 // of which copied into the database
const ERRORS = 5
const LAST_MS = 6 // duration of the last checkpoint
const CMD_KICK = 1
const CMD_STOP = 2

// An eval worker needs no separate file, so it works the same under tsx, the esbuild CLI bundle and the
// Electron main bundle. Plain JS on purpose: it is not compiled. better-sqlite3 comes from an absolute
// path resolved by the parent (an eval worker resolves bare names from the working directory).
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads')
const ctl = new Int32Array(workerData.control)
let db
try {
  const Database = require(workerData.modulePath)
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {})
  db.pragma('synchronous = ' + workerData.synchronous)
  while (Atomics.load(ctl, ${CMD}) !== ${CMD_STOP}) {
    Atomics.wait(ctl, ${CMD}, 0, workerData.intervalMs)
    if (Atomics.compareExchange(ctl, ${CMD}, ${CMD_KICK}, 0) === ${CMD_STOP}) break
    const started = performance.now()
    const row = db.pragma('wal_checkpoint(PASSIVE)')[0]
    Atomics.store(ctl, ${LAST_MS}, Math.ceil(performance.now() - started))
    Atomics.store(ctl, ${LOG_FRAMES}, row.log)
    Atomics.store(ctl, ${CHECKPOINTED}, row.checkpointed)
    Atomics.add(ctl, ${COUNT}, 1)
  }
} catch (err) {
  Atomics.add(ctl, ${ERRORS}, 1)
  parentPort.postMessage(String(err && err.message || err))
} finally {
  try { if (db) db.close() } catch {}
  Atomics.store(ctl, ${DONE}, 1)
  Atomics.notify(ctl, ${DONE})
}
`

export interface CheckpointerOptions {
  /** The database file (the writer's). */
  file: string
  /** The writer's synchronous setting: a checkpoint syncs as the writer's connection would. */
  synchronous: 'NORMAL' | 'FULL'
  /** Checkpoint at least this often while running (ms). */
  intervalMs: number
  /** Called once if the worker fails; the caller falls back to SQLite's automatic checkpoints. */
  onFailure: (message: string) => void
}

export interface CheckpointerStats {
  checkpoints: number
  /** WAL frames at the last checkpoint, and how many of them were copied into the database. */
  logFrames: number
  checkpointedFrames: number
  errors: number
  /** How long the last checkpoint took (ms): the tail a RESTART right after it still has to copy. */
  lastCheckpointMs: number
}

/** A worker thread that checkpoints the WAL (PASSIVE) every intervalMs, or sooner when kicked. */
export class BackgroundCheckpointer {
  private readonly control = new Int32Array(new SharedArrayBuffer(8 * Int32Array.BYTES_PER_ELEMENT))
  private readonly worker: Worker
  private stopped = false

  constructor(options: CheckpointerOptions) {
    const nativeBinding = process.env.BROOKLET_SQLITE_BINDING
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3')
    const { file, synchronous, intervalMs } = options
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { control: this.control.buffer, file, synchronous, intervalMs, modulePath, nativeBinding },
    })
    // Never keeps the process alive; stop() ends it deterministically.
    this.worker.unref()
    let failed = false
    const fail = (message: string): void => {
      if (failed || this.stopped) return
      failed = true
      options.onFailure(message)
    }
    this.worker.on('message', (m) => fail(String(m)))
    this.worker.on('error', (err) => fail(err.message))
    this.worker.on('exit', (code) => fail(`checkpoint worker exited (code ${code})`))
  }

  /** Asks for a checkpoint now (e.g. after many MB were appended); coalesces with one in progress. */
  kick(): void {
    if (Atomics.compareExchange(this.control, CMD, 0, CMD_KICK) === 0) Atomics.notify(this.control, CMD)
  }

  get stats(): CheckpointerStats {
    const c = this.control
    return {
      checkpoints: Atomics.load(c, COUNT),
      logFrames: Atomics.load(c, LOG_FRAMES),
      checkpointedFrames: Atomics.load(c, CHECKPOINTED),
      errors: Atomics.load(c, ERRORS),
      lastCheckpointMs: Atomics.load(c, LAST_MS),
    }
  }

  /**
   * Stops the worker and waits (synchronously, bounded) until it has closed its connection, so the
   * writer's close is the last one and SQLite runs its final checkpoint and removes the WAL.
   */
  stop(timeoutMs = 10_000): void {
    if (this.stopped) return
    this.stopped = true
    Atomics.store(this.control, CMD, CMD_STOP)
    Atomics.notify(this.control, CMD)
    Atomics.wait(this.control, DONE, 0, timeoutMs)
    void this.worker.terminate()
  }
}
