import type Database from 'better-sqlite3'
import { checkAppendOffsets, checkPartitionCount, copyTopic, StorageError, unknownPartition } from '../storage'
import type {
  AbortedTxnRecord, AppendInput, BatchInfo, BatchRewrite, CommittedOffset, OpenTxnRecord, PartitionOffsets, ProducerStateRecord,
  Storage, StoredBatch, TopicPartitionRef, TopicRecord, TransactionRecord, TxnLogChanges,
} from '../storage'
import { newTopicId } from '../topic-id'
import { openDatabase, type SqliteOptions } from './open-database'
import { prepareStatements, toCommittedOffset, type BatchRow, type Statements } from './statements'
import { applyRewrites, loadProducerStates, saveProducerState, toBatchInfo } from './log-maintenance'
import { loadState, newPartitionState, type PartitionState, type TopicState } from './state'
import * as txnStore from './txn-store'
import { WalControl, type WalControlOptions, type WalControlStats } from './wal-control'

// RecordBatch attributes: bit 4 isTransactional, bit 5 isControl; stored compactly as bits 0 and 1.
const FLAG_TRANSACTIONAL = 1
const FLAG_CONTROL = 2

export interface SqliteStorageOptions extends SqliteOptions {
  now?: () => number
  /** Background WAL checkpoints (wal-control.ts); false keeps SQLite's inline automatic checkpoints. */
  walControl?: WalControlOptions | false
}

/** The durable engine: one SQLite file in WAL mode, one row per RecordBatch. */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const
  private readonly db: Database.Database
  private readonly stmts: Statements
  private readonly txnStmts: txnStore.TxnStatements
  private readonly topics: Map<string, TopicState>
  private readonly now: () => number
  private readonly wal: WalControl

  constructor(file: string, options: SqliteStorageOptions = {}) {
    this.db = openDatabase(file, options)
    this.wal = new WalControl(this.db, options.fsync === 'always' ? 'FULL' : 'NORMAL', options.walControl)
    this.stmts = prepareStatements(this.db)
    this.txnStmts = txnStore.prepareTxnStatements(this.db)
    this.topics = loadState(this.stmts)
    this.now = options.now ?? Date.now
  }

  createTopic(name: string, partitionCount: number, configs: Record<string, string>): TopicRecord {
    if (this.topics.has(name)) throw new StorageError('TOPIC_ALREADY_EXISTS', `topic ${name} already exists`)
    checkPartitionCount(partitionCount, 1)
    const record = { name, topicId: newTopicId(), partitionCount, configs: { ...configs }, createdAtMs: this.now() }
    const state = this.db.transaction((): TopicState => {
      const { topicId, createdAtMs } = record
      const key = this.stmts.insertTopic.run(name, topicId, partitionCount, JSON.stringify(configs), createdAtMs)
      const t = { key: BigInt(key.lastInsertRowid), record, partitions: [] }
      this.insertPartitions(t, partitionCount)
      return t
    })()
    this.topics.set(name, state)
    return copyTopic(record)
  }

  deleteTopic(name: string): boolean {
    const t = this.topics.get(name)
    if (!t) return false
    this.db.transaction(() => {
      // ON DELETE CASCADE removes the partitions and their batches.
      this.stmts.deleteTopic.run(t.key)
      this.stmts.deleteTopicOffsets.run(name)
    })()
    this.topics.delete(name)
    return true
  }

  getTopic(name: string): TopicRecord | undefined {
    const t = this.topics.get(name)
    return t && copyTopic(t.record)
  }

  getTopicById(topicId: string): TopicRecord | undefined {
    for (const t of this.topics.values()) if (t.record.topicId === topicId) return copyTopic(t.record)
    return undefined
  }

  listTopics(): TopicRecord[] {
    return [...this.topics.values()].map((t) => copyTopic(t.record)).sort((a, b) => (a.name < b.name ? -1 : 1))
  }

  addPartitions(name: string, newCount: number): void {
    const t = this.requireTopic(name)
    checkPartitionCount(newCount, t.record.partitionCount + 1)
    const before = t.partitions.length
    try {
      this.db.transaction(() => {
        this.insertPartitions(t, newCount)
        this.stmts.setPartitionCount.run(newCount, t.key)
      })()
    } catch (err) {
      t.partitions.length = before
      throw err
    }
    t.record.partitionCount = newCount
  }

  setTopicConfigs(name: string, configs: Record<string, string>): void {
    const t = this.requireTopic(name)
    this.stmts.setConfigs.run(JSON.stringify(configs), t.key)
    t.record.configs = { ...configs }
  }

  nextOffset(topic: string, partition: number): bigint {
    return this.partition(topic, partition).next
  }

  append(input: AppendInput): void {
    const p = this.partition(input.topic, input.partition)
    checkAppendOffsets(input, p.next)
    this.insertBatch(p, input)
    if (!this.db.inTransaction) this.wal.appended(input.bytes.length)
  }

  appendMany(inputs: AppendInput[], producers: ProducerStateRecord[] = [], txn?: TxnLogChanges): void {
    const touched = new Map<PartitionState, PartitionState>()
    const producerPartitions = producers.map((pr) => this.partition(pr.topic, pr.partition).id)
    for (const input of inputs) {
      const p = this.partition(input.topic, input.partition)
      if (!touched.has(p)) touched.set(p, { ...p })
    }
    try {
      this.db.transaction(() => {
        for (const input of inputs) this.append(input)
        producers.forEach((pr, i) => saveProducerState(this.stmts, producerPartitions[i]!, pr))
        if (txn) {
          txnStore.applyTxnChanges(this.txnStmts, txn, (topic, partition) => this.partition(topic, partition).id)
          this.upsertOffsets(txn.offsets ?? [])
        }
      })()
    } catch (err) {
      // The rollback undid the rows; undo the cached counters too.
      for (const [p, saved] of touched) Object.assign(p, saved)
      throw err
    }
    let bytes = 0
    for (const input of inputs) bytes += input.bytes.length
    try {
      this.wal.appended(bytes)
    } catch {
      // The commit above succeeded: a failed checkpoint (e.g. a full disk) must not turn stored
      // batches into a reported failure. SQLite retries checkpoints on later commits.
    }
  }

  offsets(topic: string, partition: number): PartitionOffsets {
    const p = this.partition(topic, partition)
    return { logStartOffset: p.logStart, highWatermark: p.next, sizeBytes: p.size, batchCount: p.batchCount }
  }

  readBatches(topic: string, partition: number, fromOffset: bigint, maxBytes: number): StoredBatch[] {
    const p = this.partition(topic, partition)
    // The common case for a caught-up consumer (long-poll at the high watermark) needs no query.
    if (fromOffset >= p.next) return []
    const out: StoredBatch[] = []
    let total = 0
    for (const row of this.stmts.batchesFrom.iterate(p.id, fromOffset)) {
      out.push(toBatch(row))
      total += row.bytes.length
      if (total >= maxBytes) break
    }
    return out
  }

  findBatchByTimestamp(topic: string, partition: number, timestampMs: bigint): StoredBatch | undefined {
    const row = this.stmts.batchByTimestamp.get(this.partition(topic, partition).id, timestampMs)
    return row && toBatch(row)
  }

  maxTimestampBatch(topic: string, partition: number): StoredBatch | undefined {
    const row = this.stmts.maxTimestampBatch.get(this.partition(topic, partition).id)
    return row && toBatch(row)
  }

  deleteRecordsBefore(topic: string, partition: number, offset: bigint): void {
    const p = this.partition(topic, partition)
    if (offset > p.next) {
      throw new StorageError('OFFSET_OUT_OF_RANGE', `offset ${offset} is beyond the high watermark ${p.next}`)
    }
    if (offset <= p.logStart) return
    const dropped = this.db.transaction(() => {
      const totals = this.stmts.totalsBelow.get(p.id, offset)
      this.stmts.deleteBelow.run(p.id, offset)
      this.txnStmts.deleteAbortedBelow.run(p.id, offset)
      this.stmts.setLogStart.run(offset, p.id)
      return totals
    })()
    p.logStart = offset
    p.batchCount -= Number(dropped?.batch_count ?? 0n)
    p.size -= Number(dropped?.size ?? 0n)
  }

  loadProducerStates(): ProducerStateRecord[] {
    return loadProducerStates(this.stmts, this.topics)
  }

  expireProducerStates(lastTimestampBeforeMs: number): number {
    return this.stmts.expireProducerStates.run(lastTimestampBeforeMs).changes
  }

  batchInfos(topic: string, partition: number, fromOffset: bigint, limit: number): BatchInfo[] {
    return this.stmts.batchInfosFrom.all(this.partition(topic, partition).id, fromOffset, limit).map(toBatchInfo)
  }

  rewriteBatches(topic: string, partition: number, rewrites: BatchRewrite[]): void {
    const p = this.partition(topic, partition)
    const delta = this.db.transaction(() => applyRewrites(this.stmts, p, rewrites))()
    p.size += delta.size
    p.batchCount += delta.count
  }

  loadOpenTxns(): OpenTxnRecord[] {
    return txnStore.loadOpenTxns(this.txnStmts, this.topics)
  }

  abortedTxns(topic: string, partition: number, fromOffset: bigint, beforeOffset: bigint): AbortedTxnRecord[] {
    const id = this.partition(topic, partition).id
    return txnStore.abortedTxns(this.txnStmts, id, { topic, partition }, fromOffset, beforeOffset)
  }

  saveTransaction(record: TransactionRecord): void {
    txnStore.saveTransaction(this.txnStmts, record)
  }

  loadTransactions(): TransactionRecord[] {
    return txnStore.loadTransactions(this.txnStmts)
  }

  commitOffsets(offsets: CommittedOffset[]): void {
    this.db.transaction(() => this.upsertOffsets(offsets))()
  }

  private upsertOffsets(offsets: CommittedOffset[]): void {
    for (const o of offsets) {
      const { group, topic, partition, offset, leaderEpoch, metadata, commitTimestampMs } = o
      this.stmts.upsertOffset.run(group, topic, partition, offset, leaderEpoch, metadata, commitTimestampMs)
    }
  }

  fetchOffsets(group: string): CommittedOffset[] {
    return this.stmts.groupOffsets.all(group).map(toCommittedOffset)
  }

  deleteOffsets(group: string, topicPartitions?: TopicPartitionRef[]): void {
    if (!topicPartitions) {
      this.stmts.deleteGroupOffsets.run(group)
      return
    }
    this.db.transaction(() => {
      for (const tp of topicPartitions) this.stmts.deleteOneOffset.run(group, tp.topic, tp.partition)
    })()
  }

  listOffsetGroups(): string[] {
    return this.stmts.offsetGroups.all()
  }

  getMeta(key: string): string | undefined {
    return this.stmts.getMeta.get(key)
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value)
  }

  /** Checkpoint activity, for tests and diagnostics. */
  get walStats(): WalControlStats {
    return this.wal.stats
  }

  close(): void {
    // The checkpoint worker closes its connection first, so this close is the last one: SQLite then
    // checkpoints and removes the WAL.
    this.wal.close()
    if (this.db.open) this.db.close()
  }

  private insertPartitions(t: TopicState, newCount: number): void {
    for (let i = t.partitions.length; i < newCount; i++) {
      const row = this.stmts.insertPartition.run(t.key, i)
      t.partitions.push(newPartitionState(BigInt(row.lastInsertRowid)))
    }
  }

  private insertBatch(p: PartitionState, input: AppendInput): void {
    const flags = (input.isTransactional ? FLAG_TRANSACTIONAL : 0) | (input.isControl ? FLAG_CONTROL : 0)
    const size = input.bytes.length
    const { baseOffset, lastOffset, maxTimestamp, producerId, baseSequence, bytes } = input
    this.stmts.insertBatch.run(p.id, baseOffset, lastOffset, maxTimestamp, size, producerId, baseSequence, flags, bytes)
    p.next = lastOffset + 1n
    p.size += size
    p.batchCount += 1
  }

  private requireTopic(name: string): TopicState {
    const t = this.topics.get(name)
    if (!t) throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `unknown topic ${name}`)
    return t
  }

  private partition(topic: string, partition: number): PartitionState {
    const p = this.topics.get(topic)?.partitions[partition]
    if (!p) throw unknownPartition(topic, partition)
    return p
  }
}

function toBatch(row: BatchRow): StoredBatch {
  return { baseOffset: row.base_offset, lastOffset: row.last_offset, maxTimestamp: row.max_timestamp, bytes: row.bytes }
}
