import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE, defaultDataDir, openStorage } from './data-dir'
import { MemoryStorage } from './memory/memory-storage'
import { NullStorage } from './null/null-storage'
import { loadMigrations, migrate } from './sqlite/migrate'
import { SqliteStorage } from './sqlite/sqlite-storage'
import { appendBatches, batchInput, runStorageContract } from './storage-contract'
import { producerState } from './storage-contract-log-life'

const tempDirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-storage-'))
  tempDirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

runStorageContract('memory', () => new MemoryStorage())
runStorageContract('sqlite', () => openStorage({ dataDir: tempDir() }))

describe('sqlite persistence', () => {
  it('reopening the same dir restores topics, offsets, committed offsets and meta', () => {
    const dir = tempDir()
    const first = openStorage({ dataDir: dir })
    const t = first.createTopic('orders', 2, { 'cleanup.policy': 'delete' })
    first.createTopic('empty', 1, {})
    first.addPartitions('orders', 3)
    appendBatches(first, 'orders', 0, [5, 5, 5], 200)
    appendBatches(first, 'orders', 2, [3], 50)
    first.deleteRecordsBefore('orders', 0, 7n)
    first.commitOffsets([{ group: 'g', topic: 'orders', partition: 0, offset: 9n, leaderEpoch: 2, metadata: null, commitTimestampMs: 5 }])
    first.setMeta('cluster.id', 'xyz')
    const before = [0, 1, 2].map((p) => first.offsets('orders', p))
    first.close()

    const second = openStorage({ dataDir: dir })
    expect(second.kind).toBe('sqlite')
    expect(second.listTopics().map((x) => x.name)).toEqual(['empty', 'orders'])
    expect(second.getTopic('orders')).toEqual({ ...t, partitionCount: 3 })
    expect(second.getTopicById(t.topicId)?.name).toBe('orders')
    expect([0, 1, 2].map((p) => second.offsets('orders', p))).toEqual(before)
    expect(before[0]).toEqual({ logStartOffset: 7n, highWatermark: 15n, sizeBytes: 400, batchCount: 2 })
    expect(second.fetchOffsets('g')[0]?.offset).toBe(9n)
    expect(second.getMeta('cluster.id')).toBe('xyz')
    appendBatches(second, 'orders', 0, [1])
    expect(second.readBatches('orders', 0, 15n, 1).map((b) => b.baseOffset)).toEqual([15n])
    second.close()
  })

  it('reopening restores idempotent producer state', () => {
    const dir = tempDir()
    const first = openStorage({ dataDir: dir })
    first.createTopic('t', 1, {})
    first.appendMany([batchInput('t', 0, 0n, 2)], [producerState('t', 0, 9n, 3, 1)])
    first.close()
    const second = openStorage({ dataDir: dir })
    expect(second.loadProducerStates()).toEqual([producerState('t', 0, 9n, 3, 1)])
    second.close()
  })

  it('keeps the log start (and so the next offset) when every batch was deleted', () => {
    const dir = tempDir()
    const first = openStorage({ dataDir: dir })
    first.createTopic('t', 1, {})
    appendBatches(first, 't', 0, [4, 4])
    first.deleteRecordsBefore('t', 0, 8n)
    first.close()
    const second = openStorage({ dataDir: dir, fsync: 'always' })
    expect(second.offsets('t', 0)).toEqual({ logStartOffset: 8n, highWatermark: 8n, sizeBytes: 0, batchCount: 0 })
    expect(second.nextOffset('t', 0)).toBe(8n)
    second.close()
  })

  it('migrations are applied once and are idempotent on reopen', () => {
    const dir = tempDir()
    const latest = loadMigrations().at(-1)!.version
    expect(loadMigrations().map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6])
    for (let i = 0; i < 3; i++) openStorage({ dataDir: dir }).close()
    const db = new Database(join(dir, DATABASE_FILE))
    expect(db.pragma('user_version', { simple: true })).toBe(latest)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(migrate(db)).toBe(latest)
    db.pragma(`user_version = ${latest + 1}`)
    db.close()
    expect(() => new SqliteStorage(join(dir, DATABASE_FILE))).toThrow(/newer than this Brooklet/)
  })

  it('openStorage creates the data dir, or returns the memory engine', () => {
    const dir = join(tempDir(), 'nested', 'deeper')
    openStorage({ dataDir: dir }).close()
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true)
    const mem = openStorage({ memory: true, dataDir: join(tempDir(), 'unused') })
    expect(mem.kind).toBe('memory')
    mem.close()
  })
})

describe('NullStorage', () => {
  it('tracks offsets and metadata but returns no batches', () => {
    const s = new NullStorage()
    expect(s.kind).toBe('null')
    s.createTopic('t', 1, {})
    appendBatches(s, 't', 0, [5, 5], 100)
    expect(s.offsets('t', 0)).toEqual({ logStartOffset: 0n, highWatermark: 10n, sizeBytes: 200, batchCount: 2 })
    expect(s.readBatches('t', 0, 0n, 1 << 20)).toEqual([])
    s.deleteRecordsBefore('t', 0, 10n)
    expect(s.offsets('t', 0)).toEqual({ logStartOffset: 10n, highWatermark: 10n, sizeBytes: 0, batchCount: 0 })
  })
})

describe('defaultDataDir', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/x/data' }, '/home/u')).toBe('/x/data/brooklet')
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/u')).toBe('/home/u/.local/share/brooklet')
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.local/share/brooklet')
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/Brooklet')
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Brooklet',
    )
  })
})
