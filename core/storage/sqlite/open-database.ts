import Database from 'better-sqlite3'
import { migrate } from './migrate'
import { AUTO_CHECKPOINT_PAGES, JOURNAL_SIZE_LIMIT } from './wal-control'

export interface SqliteOptions {
  /** 'always' syncs every commit (synchronous=FULL); 'normal' survives process crashes, not power loss. */
  fsync?: 'normal' | 'always'
}

/** Opens (creating if needed) a Brooklet database with its pragmas set and migrations applied. */
export function openDatabase(file: string, options: SqliteOptions = {}): Database.Database {
  // Under Electron the main process loads a better-sqlite3 binary built for Electron's ABI, prepared by
  // scripts/start.mjs outside node_modules (which keeps the Node-ABI build that `npm test` uses).
  const nativeBinding = process.env.BROOKLET_SQLITE_BINDING
  const db = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    // Larger pages mean fewer overflow pages per multi-KB batch blob. Only takes effect on a new file,
    // so it must come before the first write (switching to WAL writes the header).
    db.pragma('page_size = 16384')
    db.pragma('journal_mode = WAL')
    // In WAL mode NORMAL only syncs at checkpoints: a power loss can drop the last commits, never corrupt.
    db.pragma(`synchronous = ${options.fsync === 'always' ? 'FULL' : 'NORMAL'}`)
    db.pragma('cache_size = -65536') // KiB: 64 MiB of page cache
    db.pragma('foreign_keys = ON')
    // Checkpoint in larger steps (pages): fewer stalls. Under sustained appends WalControl turns this
    // off and checkpoints from a worker thread instead (checkpointer.ts).
    db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`)
    db.defaultSafeIntegers(true)
    migrate(db)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}
