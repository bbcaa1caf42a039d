/**
 * The console's own SQLite file (lag history, rebalance timeline): separate from the broker's log so the
 * console can be pointed at any cluster and its bookkeeping never competes with the broker's writes.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'

export const CONSOLE_DB_FILE = 'console.sqlite'

const SCHEMA_VERSION = 1
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS lag_fine (group_id TEXT NOT NULL, at_ms INTEGER NOT NULL, lag INTEGER NOT NULL,
    PRIMARY KEY (group_id, at_ms)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS lag_coarse (group_id TEXT NOT NULL, at_ms INTEGER NOT NULL, lag INTEGER NOT NULL,
    PRIMARY KEY (group_id, at_ms)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS lag_fine_by_time ON lag_fine (at_ms);
  CREATE INDEX IF NOT EXISTS lag_coarse_by_time ON lag_coarse (at_ms);
  CREATE TABLE IF NOT EXISTS group_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, group_id TEXT NOT NULL,
    at_ms INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS group_events_by_group ON group_events (group_id, seq);
`

/** ':memory:' when file is null. Uses the Electron-ABI binary under Electron, as the broker's storage does. */
export function openConsoleDb(file: string | null): Database.Database {
  if (file) mkdirSync(dirname(file), { recursive: true })
  const nativeBinding = process.env.BROOKLET_SQLITE_BINDING
  const db = new Database(file ?? ':memory:', nativeBinding ? { nativeBinding } : {})
  try {
    if (file) db.pragma('journal_mode = WAL')
    // History is a convenience: losing the last second on power loss is fine, a stalled UI thread is not.
    db.pragma('synchronous = NORMAL')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) throw new Error(`${file}: console database is from a newer Brooklet (schema ${version})`)
    db.exec(SCHEMA)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

/**
 * Where a console keeps its file: the embedded broker's console next to the broker's data; a remote
 * cluster's console one file per bootstrap address (so two clusters' groups never mix) next to the
 * templates file; in memory when there is no folder to use (history then lasts as long as the process).
 */
export function defaultConsoleDbFile(opts: { embeddedDataDir: string | null; templatesFile: string | null; bootstrap: string; embedded: boolean }): string | null {
  // An in-memory broker (embeddedDataDir null) forgets its groups on restart; its history goes with them.
  if (opts.embedded) return opts.embeddedDataDir ? join(opts.embeddedDataDir, CONSOLE_DB_FILE) : null
  if (!opts.templatesFile) return null
  return join(dirname(opts.templatesFile), `console-${opts.bootstrap.replace(/[^A-Za-z0-9.-]/g, '_')}.sqlite`)
}
