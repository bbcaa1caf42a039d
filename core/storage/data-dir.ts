import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import { MemoryStorage } from './memory/memory-storage'
import { SqliteStorage } from './sqlite/sqlite-storage'
import type { Storage } from './storage'

export const DATABASE_FILE = 'brooklet.sqlite'

/** The platform's per-user application data folder for Brooklet. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Brooklet')
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Brooklet')
  // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME
  return posix.join(xdg && xdg.startsWith('/') ? xdg : posix.join(home, '.local', 'share'), 'brooklet')
}

export interface OpenStorageOptions {
  memory?: boolean
  dataDir?: string
  fsync?: 'normal' | 'always'
}

/** The in-memory engine, or SQLite at <dataDir>/brooklet.sqlite (creating the folder). */
export function openStorage(options: OpenStorageOptions = {}): Storage {
  if (options.memory) return new MemoryStorage()
  const dir = options.dataDir ?? defaultDataDir()
  mkdirSync(dir, { recursive: true })
  return new SqliteStorage(join(dir, DATABASE_FILE), { fsync: options.fsync ?? 'normal' })
}
