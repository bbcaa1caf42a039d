import type Database from 'better-sqlite3'
import type { CommittedOffset } from '../storage'

// Rows as better-sqlite3 returns them with defaultSafeIntegers(true): every INTEGER is a bigint.
export interface TopicRow {
  id: bigint
  name: string
  topic_id: string
  partition_count: bigint
  configs: string
  created_at_ms: bigint
}
export interface PartitionRow {
  id: bigint
  topic_key: bigint
  partition_index: bigint
  log_start_offset: bigint
}
export interface PartitionTotalsRow {
  partition_id: bigint
  batch_count: bigint
  size: bigint
  last_offset: bigint
}
export interface BatchRow {
  base_offset: bigint
  last_offset: bigint
  max_timestamp: bigint
  bytes: Buffer
}
export interface BatchInfoRow {
  id: bigint
  base_offset: bigint
  last_offset: bigint
  max_timestamp: bigint
  size: bigint
}
export interface ProducerStateRow {
  partition_id: bigint
  producer_id: bigint
  producer_epoch: bigint
  last_timestamp_ms: bigint
  batches: string
}
export interface OffsetRow {
  group_id: string
  topic: string
  partition_index: bigint
  committed_offset: bigint
  leader_epoch: bigint
  metadata: string | null
  commit_timestamp_ms: bigint
}

export function toCommittedOffset(row: OffsetRow): CommittedOffset {
  return {
    group: row.group_id,
    topic: row.topic,
    partition: Number(row.partition_index),
    offset: row.committed_offset,
    leaderEpoch: Number(row.leader_epoch),
    metadata: row.metadata,
    commitTimestampMs: Number(row.commit_timestamp_ms),
  }
}

type Stmt<P extends unknown[], R = unknown> = Database.Statement<P, R>
const BATCH_COLUMNS = 'base_offset, last_offset, max_timestamp, bytes'

/** Every statement the engine runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    // topics
    allTopics: db.prepare('SELECT * FROM topics') as Stmt<[], TopicRow>,
    allPartitions: db.prepare('SELECT * FROM partitions') as Stmt<[], PartitionRow>,
    partitionTotals: db.prepare(
      `SELECT partition_id, count(*) AS batch_count, sum(size) AS size, max(last_offset) AS last_offset
       FROM batches GROUP BY partition_id`,
    ) as Stmt<[], PartitionTotalsRow>,
    insertTopic: db.prepare(
      'INSERT INTO topics (name, topic_id, partition_count, configs, created_at_ms) VALUES (?, ?, ?, ?, ?)',
    ) as Stmt<[string, string, number, string, number]>,
    insertPartition: db.prepare('INSERT INTO partitions (topic_key, partition_index) VALUES (?, ?)') as Stmt<
      [bigint, number]
    >,
    deleteTopic: db.prepare('DELETE FROM topics WHERE id = ?') as Stmt<[bigint]>,
    setPartitionCount: db.prepare('UPDATE topics SET partition_count = ? WHERE id = ?') as Stmt<[number, bigint]>,
    setConfigs: db.prepare('UPDATE topics SET configs = ? WHERE id = ?') as Stmt<[string, bigint]>,
    // log
    insertBatch: db.prepare(
      `INSERT INTO batches (partition_id, base_offset, last_offset, max_timestamp, size, producer_id,
         base_sequence, flags, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ) as Stmt<[bigint, bigint, bigint, bigint, number, bigint, number, number, Buffer]>,
    batchesFrom: db.prepare(
      `SELECT ${BATCH_COLUMNS} FROM batches WHERE partition_id = ? AND last_offset >= ? ORDER BY last_offset`,
    ) as Stmt<[bigint, bigint], BatchRow>,
    batchByTimestamp: db.prepare(
      `SELECT ${BATCH_COLUMNS} FROM batches WHERE partition_id = ? AND max_timestamp >= ?
       ORDER BY last_offset LIMIT 1`,
    ) as Stmt<[bigint, bigint], BatchRow>,
    maxTimestampBatch: db.prepare(
      `SELECT ${BATCH_COLUMNS} FROM batches WHERE partition_id = ?
       ORDER BY max_timestamp DESC, last_offset ASC LIMIT 1`,
    ) as Stmt<[bigint], BatchRow>,
    totalsBelow: db.prepare(
      `SELECT count(*) AS batch_count, coalesce(sum(size), 0) AS size FROM batches
       WHERE partition_id = ? AND last_offset < ?`,
    ) as Stmt<[bigint, bigint], { batch_count: bigint; size: bigint }>,
    deleteBelow: db.prepare('DELETE FROM batches WHERE partition_id = ? AND last_offset < ?') as Stmt<
      [bigint, bigint]
    >,
    batchInfosFrom: db.prepare(
      `SELECT id, base_offset, last_offset, max_timestamp, size FROM batches WHERE partition_id = ? AND last_offset >= ?
       ORDER BY last_offset LIMIT ?`,
    ) as Stmt<[bigint, bigint, number], BatchInfoRow>,
    replaceBatchBytes: db.prepare('UPDATE batches SET bytes = ?, size = ? WHERE id = ?') as Stmt<[Buffer, number, bigint]>,
    deleteBatch: db.prepare('DELETE FROM batches WHERE id = ?') as Stmt<[bigint]>,
    // producer state (KIP-98)
    upsertProducerState: db.prepare(
      `INSERT INTO producer_states (partition_id, producer_id, producer_epoch, last_timestamp_ms, batches)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (partition_id, producer_id) DO UPDATE SET
         producer_epoch = excluded.producer_epoch, last_timestamp_ms = excluded.last_timestamp_ms, batches = excluded.batches`,
    ) as Stmt<[bigint, bigint, number, number, string]>,
    allProducerStates: db.prepare('SELECT * FROM producer_states') as Stmt<[], ProducerStateRow>,
    expireProducerStates: db.prepare('DELETE FROM producer_states WHERE last_timestamp_ms < ?') as Stmt<[number]>,
    setLogStart: db.prepare('UPDATE partitions SET log_start_offset = ? WHERE id = ?') as Stmt<[bigint, bigint]>,
    // committed offsets
    upsertOffset: db.prepare(
      `INSERT INTO committed_offsets (group_id, topic, partition_index, committed_offset, leader_epoch, metadata,
         commit_timestamp_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (group_id, topic, partition_index) DO UPDATE SET committed_offset = excluded.committed_offset,
         leader_epoch = excluded.leader_epoch, metadata = excluded.metadata,
         commit_timestamp_ms = excluded.commit_timestamp_ms`,
    ) as Stmt<[string, string, number, bigint, number, string | null, number]>,
    groupOffsets: db.prepare(
      'SELECT * FROM committed_offsets WHERE group_id = ? ORDER BY topic, partition_index',
    ) as Stmt<[string], OffsetRow>,
    deleteGroupOffsets: db.prepare('DELETE FROM committed_offsets WHERE group_id = ?') as Stmt<[string]>,
    deleteOneOffset: db.prepare(
      'DELETE FROM committed_offsets WHERE group_id = ? AND topic = ? AND partition_index = ?',
    ) as Stmt<[string, string, number]>,
    deleteTopicOffsets: db.prepare('DELETE FROM committed_offsets WHERE topic = ?') as Stmt<[string]>,
    offsetGroups: db.prepare('SELECT DISTINCT group_id FROM committed_offsets ORDER BY group_id').pluck() as Stmt<
      [],
      string
    >,
    // meta
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck() as Stmt<[string], string>,
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ) as Stmt<[string, string]>,
  }
}

export type Statements = ReturnType<typeof prepareStatements>

