// Storage interface in domain terms. Every method is synchronous: better-sqlite3 is synchronous and the
// broker calls storage from its event loop, so an await here would only add latency.

export interface TopicRecord {
  name: string
  /** 32 lowercase hex chars (a Kafka Uuid, KIP-516): random, stable for the topic's life, never all-zero. */
  topicId: string
  partitionCount: number
  /** Per-topic overrides only; broker defaults are not stored. */
  configs: Record<string, string>
  createdAtMs: number
}

export interface PartitionOffsets {
  logStartOffset: bigint
  /** No replication, so the high watermark is the log end offset (the next offset to assign). */
  highWatermark: bigint
  sizeBytes: number
  batchCount: number
}

export interface StoredBatch {
  baseOffset: bigint
  lastOffset: bigint
  maxTimestamp: bigint
  /** The whole RecordBatch as appended. Callers must not mutate it. */
  bytes: Buffer
}

export interface AppendInput {
  topic: string
  partition: number
  /** Whole RecordBatch; the caller has already rewritten its baseOffset to `baseOffset`. */
  bytes: Buffer
  /** Must equal nextOffset(topic, partition); storage rejects anything else so the log never has gaps. */
  baseOffset: bigint
  lastOffset: bigint
  maxTimestamp: bigint
  producerId: bigint
  baseSequence: number
  isTransactional: boolean
  isControl: boolean
}

/** Batch metadata without the bytes, for the cleaners' scans. */
export interface BatchInfo {
  baseOffset: bigint
  lastOffset: bigint
  maxTimestamp: bigint
  sizeBytes: number
}

/** Compaction output for one stored batch: new bytes (same base and last offset), or null to drop it. */
export interface BatchRewrite {
  baseOffset: bigint
  bytes: Buffer | null
}

/** One idempotent producer's state on one partition (KIP-98), persisted with the batches it describes. */
export interface ProducerStateRecord {
  topic: string
  partition: number
  producerId: bigint
  producerEpoch: number
  lastTimestampMs: number
  /** The last few batches' sequence ranges, oldest first. */
  batches: { firstSeq: number; lastSeq: number; baseOffset: bigint; lastOffset: bigint }[]
}

/** A producer's transaction that has data on a partition and no marker yet (KIP-98); its first offset bounds the LSO. */
export interface OpenTxnRecord {
  topic: string
  partition: number
  producerId: bigint
  firstOffset: bigint
}

/** An aborted transaction on a partition: data from firstOffset up to its ABORT marker at lastOffset. */
export interface AbortedTxnRecord extends OpenTxnRecord {
  lastOffset: bigint
}

/** Transaction coordinator states (KIP-98); Prepare* are the recorded decisions a restart completes. */
export type TxnState = 'Empty' | 'Ongoing' | 'PrepareCommit' | 'PrepareAbort' | 'CompleteCommit' | 'CompleteAbort'

/** One transactional.id's coordinator state, persisted on every transition. */
export interface TransactionRecord {
  transactionalId: string
  producerId: bigint
  producerEpoch: number
  timeoutMs: number
  state: TxnState
  partitions: TopicPartitionRef[]
  groups: string[]
  /** TxnOffsetCommit offsets staged until EndTxn; `group` names the consumer group. */
  pendingOffsets: CommittedOffset[]
  /** When the current transaction began (first AddPartitions/AddOffsets), -1 when none. */
  startedAtMs: number
  updatedAtMs: number
}

/**
 * Transaction bookkeeping written in the same storage transaction as an append: which partitions a
 * transaction opens with this batch, which it closes with a marker (and, for aborts, the index entry),
 * the group offsets a commit makes visible and the coordinator's new state.
 */
export interface TxnLogChanges {
  opened?: OpenTxnRecord[]
  closed?: OpenTxnRecord[]
  aborted?: AbortedTxnRecord[]
  offsets?: CommittedOffset[]
  transaction?: TransactionRecord
}

export interface CommittedOffset {
  group: string
  topic: string
  partition: number
  offset: bigint
  leaderEpoch: number
  metadata: string | null
  commitTimestampMs: number
}

export interface TopicPartitionRef {
  topic: string
  partition: number
}

export interface Storage {
  /** 'null' keeps topics and offsets but no batches (benchmark ceiling without SQLite). */
  readonly kind: 'sqlite' | 'memory' | 'null'
  // topics
  /** Throws StorageError TOPIC_ALREADY_EXISTS / INVALID_PARTITIONS. */
  createTopic(name: string, partitionCount: number, configs: Record<string, string>): TopicRecord
  /** Removes the topic's batches and every group's committed offsets for it. False if unknown. */
  deleteTopic(name: string): boolean
  getTopic(name: string): TopicRecord | undefined
  getTopicById(topicId: string): TopicRecord | undefined
  /** Sorted by name. */
  listTopics(): TopicRecord[]
  /** newCount must exceed the current count (Kafka never shrinks a topic); throws INVALID_PARTITIONS. */
  addPartitions(name: string, newCount: number): void
  /** Replaces the whole override set. */
  setTopicConfigs(name: string, configs: Record<string, string>): void
  // log
  /** What the caller will use as baseOffset. Throws UNKNOWN_TOPIC_OR_PARTITION. */
  nextOffset(topic: string, partition: number): bigint
  /** One batch. Throws UNKNOWN_TOPIC_OR_PARTITION or INVALID_OFFSET (baseOffset != nextOffset). */
  append(input: AppendInput): void
  /**
   * Several batches, all or nothing (one SQLite transaction), together with the idempotent producers' new
   * state so that a crash never separates a batch from the sequence numbers that describe it.
   */
  appendMany(inputs: AppendInput[], producers?: ProducerStateRecord[], txn?: TxnLogChanges): void
  // transactions (KIP-98)
  /** Every open transaction's first offset per partition (loaded once at start-up). */
  loadOpenTxns(): OpenTxnRecord[]
  /** Aborted transactions with lastOffset >= fromOffset and firstOffset < beforeOffset, by first offset. */
  abortedTxns(topic: string, partition: number, fromOffset: bigint, beforeOffset: bigint): AbortedTxnRecord[]
  /** Upserts a transactional id's coordinator state. */
  saveTransaction(record: TransactionRecord): void
  loadTransactions(): TransactionRecord[]
  /** Every persisted producer state (loaded once at start-up). */
  loadProducerStates(): ProducerStateRecord[]
  /** Forgets producers idle since before `lastTimestampMs` (producer.id.expiration.ms, KIP-854); returns how many rows went. */
  expireProducerStates(lastTimestampBeforeMs: number): number
  offsets(topic: string, partition: number): PartitionOffsets
  /**
   * Batches whose lastOffset >= fromOffset, in order, starting with the batch CONTAINING fromOffset; stops
   * once the running byte total reaches maxBytes, but always returns at least one batch if any exists.
   */
  readBatches(topic: string, partition: number, fromOffset: bigint, maxBytes: number): StoredBatch[]
  /** First batch (by offset) whose maxTimestamp >= timestampMs, for ListOffsets by timestamp. */
  findBatchByTimestamp(topic: string, partition: number, timestampMs: bigint): StoredBatch | undefined
  /** Batch with the largest maxTimestamp (earliest on ties), for ListOffsets MAX_TIMESTAMP (KIP-734). */
  maxTimestampBatch(topic: string, partition: number): StoredBatch | undefined
  /**
   * Advances logStartOffset to `offset` (never backwards) and drops batches wholly below it (DeleteRecords),
   * together with the aborted-transaction index entries that end below it.
   * Throws OFFSET_OUT_OF_RANGE if offset > highWatermark.
   */
  deleteRecordsBefore(topic: string, partition: number, offset: bigint): void
  /** Up to `limit` batches' metadata from the one containing fromOffset, in offset order. */
  batchInfos(topic: string, partition: number, fromOffset: bigint, limit: number): BatchInfo[]
  /**
   * Replaces or drops existing batches by base offset, all or nothing (log compaction). Offsets never move:
   * the log start and the high watermark stay as they are. Base offsets no longer stored are ignored.
   */
  rewriteBatches(topic: string, partition: number, rewrites: BatchRewrite[]): void
  // consumer group offsets (membership lives in memory elsewhere)
  /** Upserts all offsets in one transaction. */
  commitOffsets(offsets: CommittedOffset[]): void
  /** Sorted by topic then partition. */
  fetchOffsets(group: string): CommittedOffset[]
  /** Without topicPartitions, deletes every offset of the group. */
  deleteOffsets(group: string, topicPartitions?: TopicPartitionRef[]): void
  /** Groups that have at least one committed offset, sorted. */
  listOffsetGroups(): string[]
  // small broker metadata (cluster id, producer id counter, ...)
  getMeta(key: string): string | undefined
  setMeta(key: string, value: string): void
  close(): void
}

export type StorageErrorCode =
  | 'TOPIC_ALREADY_EXISTS'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'INVALID_PARTITIONS'
  | 'INVALID_OFFSET'
  | 'OFFSET_OUT_OF_RANGE'

/** Codes reuse Kafka error names so the broker can map them onto ErrorCode one-to-one. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}

export function unknownPartition(topic: string, partition: number): StorageError {
  return new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `unknown topic-partition ${topic}-${partition}`)
}

export function checkAppendOffsets(input: AppendInput, expectedBase: bigint): void {
  if (input.baseOffset !== expectedBase || input.lastOffset < input.baseOffset) {
    throw new StorageError(
      'INVALID_OFFSET',
      `append to ${input.topic}-${input.partition}: batch ${input.baseOffset}..${input.lastOffset}, expected base ${expectedBase}`,
    )
  }
}

export function checkPartitionCount(count: number, atLeast: number): void {
  if (!Number.isInteger(count) || count < atLeast || count > 100_000) {
    throw new StorageError('INVALID_PARTITIONS', `partition count ${count} must be an integer >= ${atLeast}`)
  }
}

/** Engines hand out copies so callers can never mutate their cached records. */
export function copyTopic(r: TopicRecord): TopicRecord {
  return { ...r, configs: { ...r.configs } }
}
