import type { TopicRecord } from '../storage'
import type { Statements, TopicRow } from './statements'

/**
 * Per-partition counters cached in memory so that nextOffset/offsets/append never query. The broker owns
 * the database file exclusively, so the cache can only change through this process's own writes.
 */
export interface PartitionState {
  id: bigint
  logStart: bigint
  next: bigint
  size: number
  batchCount: number
}

export interface TopicState {
  key: bigint
  record: TopicRecord
  partitions: PartitionState[]
}

export function topicRecord(row: TopicRow): TopicRecord {
  return {
    name: row.name,
    topicId: row.topic_id,
    partitionCount: Number(row.partition_count),
    configs: JSON.parse(row.configs) as Record<string, string>,
    createdAtMs: Number(row.created_at_ms),
  }
}

export function newPartitionState(id: bigint): PartitionState {
  return { id, logStart: 0n, next: 0n, size: 0, batchCount: 0 }
}

/** Rebuilds the cache from the tables: next offset = max(log start, last batch's lastOffset + 1). */
export function loadState(stmts: Statements): Map<string, TopicState> {
  const byKey = new Map<bigint, TopicState>()
  for (const row of stmts.allTopics.all()) {
    byKey.set(row.id, { key: row.id, record: topicRecord(row), partitions: [] })
  }
  const byId = new Map<bigint, PartitionState>()
  for (const row of stmts.allPartitions.all()) {
    const state = { ...newPartitionState(row.id), logStart: row.log_start_offset, next: row.log_start_offset }
    const topic = byKey.get(row.topic_key)
    if (topic) topic.partitions[Number(row.partition_index)] = state
    byId.set(row.id, state)
  }
  for (const row of stmts.partitionTotals.all()) {
    const state = byId.get(row.partition_id)
    if (!state) continue
    state.batchCount = Number(row.batch_count)
    state.size = Number(row.size)
    if (row.last_offset + 1n > state.next) state.next = row.last_offset + 1n
  }
  const byName = new Map<string, TopicState>()
  for (const t of byKey.values()) byName.set(t.record.name, t)
  return byName
}
