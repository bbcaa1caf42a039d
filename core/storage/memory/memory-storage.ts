import {
  checkAppendOffsets,
  checkPartitionCount,
  copyTopic,
  StorageError,
  unknownPartition,
  type AppendInput,
  type BatchInfo,
  type BatchRewrite,
  type CommittedOffset,
  type ProducerStateRecord,
  type PartitionOffsets,
  type Storage,
  type StoredBatch,
  type TopicPartitionRef,
  type TopicRecord,
  type AbortedTxnRecord,
  type OpenTxnRecord,
  type TransactionRecord,
  type TxnLogChanges,
} from '../storage'
import { newTopicId } from '../topic-id'
import { MemoryPartitionLog } from './memory-log'
import { MemoryTxnStore } from './memory-txns'

interface MemoryTopic {
  record: TopicRecord
  logs: MemoryPartitionLog[]
}

const offsetKey = (topic: string, partition: number): string => `${partition}\u0000${topic}`
const producerKey = (p: ProducerStateRecord): string => `${p.producerId}\u0000${p.partition}\u0000${p.topic}`
const copyProducer = (p: ProducerStateRecord): ProducerStateRecord => ({ ...p, batches: p.batches.map((b) => ({ ...b })) })

export interface MemoryStorageOptions {
  now?: () => number
  /** false: keep offsets and counters but drop batch bytes (NullStorage, for benchmarks). */
  retainBatches?: boolean
}

/** Engine for `--memory` runs and tests: same contract as SQLite, nothing survives close(). */
export class MemoryStorage implements Storage {
  readonly kind: 'memory' | 'null'
  private readonly topics = new Map<string, MemoryTopic>()
  private readonly groups = new Map<string, Map<string, CommittedOffset>>()
  private readonly meta = new Map<string, string>()
  private readonly producers = new Map<string, ProducerStateRecord>()
  private readonly txns = new MemoryTxnStore()
  private readonly now: () => number
  private readonly retain: boolean

  constructor(options: MemoryStorageOptions = {}) {
    this.now = options.now ?? Date.now
    this.retain = options.retainBatches ?? true
    this.kind = this.retain ? 'memory' : 'null'
  }

  createTopic(name: string, partitionCount: number, configs: Record<string, string>): TopicRecord {
    if (this.topics.has(name)) throw new StorageError('TOPIC_ALREADY_EXISTS', `topic ${name} already exists`)
    checkPartitionCount(partitionCount, 1)
    const record = { name, topicId: newTopicId(), partitionCount, configs: { ...configs }, createdAtMs: this.now() }
    const logs = Array.from({ length: partitionCount }, () => new MemoryPartitionLog(this.retain))
    this.topics.set(name, { record, logs })
    return copyTopic(record)
  }

  deleteTopic(name: string): boolean {
    if (!this.topics.delete(name)) return false
    for (const [key, p] of this.producers) if (p.topic === name) this.producers.delete(key)
    this.txns.dropTopic(name)
    for (const [group, offsets] of this.groups) {
      for (const [key, o] of offsets) if (o.topic === name) offsets.delete(key)
      if (offsets.size === 0) this.groups.delete(group)
    }
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
    while (t.logs.length < newCount) t.logs.push(new MemoryPartitionLog(this.retain))
    t.record.partitionCount = newCount
  }

  setTopicConfigs(name: string, configs: Record<string, string>): void {
    this.requireTopic(name).record.configs = { ...configs }
  }

  nextOffset(topic: string, partition: number): bigint {
    return this.log(topic, partition).nextOffset
  }

  append(input: AppendInput): void {
    const log = this.log(input.topic, input.partition)
    checkAppendOffsets(input, log.nextOffset)
    // Copy: the caller's buffer may be a view into a reused network buffer.
    const bytes = this.retain ? Buffer.from(input.bytes) : input.bytes
    log.append({ baseOffset: input.baseOffset, lastOffset: input.lastOffset, maxTimestamp: input.maxTimestamp, bytes })
  }

  appendMany(inputs: AppendInput[], producers: ProducerStateRecord[] = [], txn?: TxnLogChanges): void {
    for (const p of producers) this.log(p.topic, p.partition)
    for (const r of [...(txn?.opened ?? []), ...(txn?.closed ?? []), ...(txn?.aborted ?? [])]) this.log(r.topic, r.partition)
    // All or nothing, like the SQLite transaction: validate the whole run before touching any log.
    const expected = new Map<MemoryPartitionLog, bigint>()
    for (const input of inputs) {
      const log = this.log(input.topic, input.partition)
      checkAppendOffsets(input, expected.get(log) ?? log.nextOffset)
      expected.set(log, input.lastOffset + 1n)
    }
    for (const input of inputs) this.append(input)
    for (const p of producers) this.producers.set(producerKey(p), copyProducer(p))
    if (txn) {
      this.txns.apply(txn)
      this.commitOffsets(txn.offsets ?? [])
    }
  }

  loadOpenTxns(): OpenTxnRecord[] {
    return this.txns.loadOpen()
  }

  abortedTxns(topic: string, partition: number, fromOffset: bigint, beforeOffset: bigint): AbortedTxnRecord[] {
    this.log(topic, partition)
    return this.txns.abortedIn(topic, partition, fromOffset, beforeOffset)
  }

  saveTransaction(record: TransactionRecord): void {
    this.txns.save(record)
  }

  loadTransactions(): TransactionRecord[] {
    return this.txns.loadTransactions()
  }

  loadProducerStates(): ProducerStateRecord[] {
    return [...this.producers.values()].map(copyProducer)
  }

  expireProducerStates(lastTimestampBeforeMs: number): number {
    let removed = 0
    for (const [key, p] of this.producers) {
      if (p.lastTimestampMs < lastTimestampBeforeMs) removed += Number(this.producers.delete(key))
    }
    return removed
  }

  offsets(topic: string, partition: number): PartitionOffsets {
    return this.log(topic, partition).offsets()
  }

  readBatches(topic: string, partition: number, fromOffset: bigint, maxBytes: number): StoredBatch[] {
    return this.log(topic, partition).read(fromOffset, maxBytes)
  }

  findBatchByTimestamp(topic: string, partition: number, timestampMs: bigint): StoredBatch | undefined {
    return this.log(topic, partition).findByTimestamp(timestampMs)
  }

  maxTimestampBatch(topic: string, partition: number): StoredBatch | undefined {
    return this.log(topic, partition).maxTimestamp()
  }

  deleteRecordsBefore(topic: string, partition: number, offset: bigint): void {
    this.log(topic, partition).deleteBefore(offset)
    this.txns.trimBelow(topic, partition, offset)
  }

  batchInfos(topic: string, partition: number, fromOffset: bigint, limit: number): BatchInfo[] {
    return this.log(topic, partition).infos(fromOffset, limit)
  }

  rewriteBatches(topic: string, partition: number, rewrites: BatchRewrite[]): void {
    this.log(topic, partition).rewrite(rewrites)
  }

  commitOffsets(offsets: CommittedOffset[]): void {
    for (const o of offsets) {
      let group = this.groups.get(o.group)
      if (!group) this.groups.set(o.group, (group = new Map()))
      group.set(offsetKey(o.topic, o.partition), { ...o })
    }
  }

  fetchOffsets(group: string): CommittedOffset[] {
    const offsets = [...(this.groups.get(group)?.values() ?? [])].map((o) => ({ ...o }))
    return offsets.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1))
  }

  deleteOffsets(group: string, topicPartitions?: TopicPartitionRef[]): void {
    const offsets = this.groups.get(group)
    if (!offsets) return
    if (topicPartitions) for (const tp of topicPartitions) offsets.delete(offsetKey(tp.topic, tp.partition))
    if (!topicPartitions || offsets.size === 0) this.groups.delete(group)
  }

  listOffsetGroups(): string[] {
    return [...this.groups.keys()].sort()
  }

  getMeta(key: string): string | undefined {
    return this.meta.get(key)
  }

  setMeta(key: string, value: string): void {
    this.meta.set(key, value)
  }

  close(): void {}

  private requireTopic(name: string): MemoryTopic {
    const t = this.topics.get(name)
    if (!t) throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `unknown topic ${name}`)
    return t
  }

  private log(topic: string, partition: number): MemoryPartitionLog {
    const log = this.topics.get(topic)?.logs[partition]
    if (!log) throw unknownPartition(topic, partition)
    return log
  }
}
