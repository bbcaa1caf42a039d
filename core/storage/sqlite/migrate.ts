import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'

// Released migrations are never edited: a schema change is a new numbered file.
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

export interface Migration {
  version: number
  name: string
  sql: string
}

/** migrations/NNN-name.sql, ordered by NNN. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const m = /^(\d{3})-[a-z0-9-]+\.sql$/.exec(name)
      return m ? [{ version: Number(m[1]), name, sql: readFileSync(`${dir}/${name}`, 'utf8') }] : []
    })
    .sort((a, b) => a.version - b.version)
}

/**
 * Applies every migration newer than PRAGMA user_version, each in its own transaction together with the
 * version bump, so a crash mid-way leaves the database at a clean earlier version. Returns the new version.
 */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations()): number {
  let current = Number(db.pragma('user_version', { simple: true }))
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new Error(`database schema version ${current} is newer than this Brooklet (knows up to ${latest})`)
  }
  for (const m of migrations) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    })()
    current = m.version
  }
  return current
}
