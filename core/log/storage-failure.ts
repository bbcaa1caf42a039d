// storage-failure.ts: which exceptions from a storage write mean "the disk refused" (full, I/O error) rather
// than a bug. Those become KAFKA_STORAGE_ERROR (56) on each partition of the produce request, as Kafka answers
// when a log directory fails, instead of closing the connection; the client may retry once space returns.

/** SQLite result codes (better-sqlite3's SqliteError.code) and errno names that mean the write did not happen. */
const WRITE_FAILURES = /^(SQLITE_FULL|SQLITE_IOERR(_\w+)?|ENOSPC|EIO|EDQUOT)$/

/** A readable reason when `err` is a failed storage write, else undefined (the caller rethrows). */
export function storageWriteFailure(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !WRITE_FAILURES.test(code)) return undefined
  const detail = err instanceof Error ? err.message : String(err)
  return `Storage write failed (${code}: ${detail}); nothing of this request was stored.`
}
