import type {
  AppendInput, CommittedOffset, OpenTxnRecord, PartitionOffsets, Storage, StoredBatch, TopicPartitionRef, TopicRecord, TransactionRecord,
} from '../storage/storage'
import { ErrorCode } from '../protocol/error-codes'
import { readBatchHeader, setBaseOffset, stampLogAppendTime, validateProducedRecords, type BatchHeader } from '../protocol/records'
import { effectiveTopicConfig } from '../config/topic-configs'
import { AppendNotifier, partitionKey } from './append-notifier'
import type { BrokerEvents } from '../broker/events'
import { ProducerTable, type IdempotenceCheck } from './producer-table'
import type { ProducerEntry } from './producer-state'
import { OpenTxnIndex } from './txn-index'
import { storageWriteFailure } from './storage-failure'
import { encodeMarkerBatch } from './txn-markers'

/**
 * Asked for every transactional batch before it is stored: the transaction coordinator's verdict on
 * (producer id, epoch, partition), an ErrorCode (NONE to accept).
 */
export type TxnProduceGuard = (producerId: bigint, producerEpoch: number, topic: string, partition: number) => number

/** One transaction's end: a marker on each partition plus the offsets and coordinator state it settles. */
export interface MarkerWrite {
  producerId: bigint
  producerEpoch: number
  commit: boolean
  partitions: TopicPartitionRef[]
  offsets: CommittedOffset[]
  transaction: TransactionRecord
}

export interface ProducedBatch {
  topic: string
  partition: number
  records: Buffer | null
}

export interface AppendOutcome {
  errorCode: number
  errorMessage: string | null
  baseOffset: bigint
  logAppendTimeMs: bigint
  logStartOffset: bigint
}

export interface ReadOutcome {
  errorCode: number
  highWatermark: bigint
  lastStableOffset: bigint
  /** read_committed only: aborted transactions overlapping the returned batches (Fetch v4+). */
  abortedTransactions: { producerId: bigint; firstOffset: bigint }[] | null
  logStartOffset: bigint
  batches: StoredBatch[]
}

/**
 * The partition logs: validates produced batches, assigns offsets by rewriting baseOffset in
 * place (outside the CRC, RECORD-FORMAT.md), stores them, and wakes waiting fetches.
 */
export class LogService {
  readonly notifier = new AppendNotifier()
  /** Idempotent producers' sequence state (KIP-98), persisted with the batches. */
  readonly producers: ProducerTable
  /** Open transactions per partition, which bound the last stable offset. */
  readonly openTxns: OpenTxnIndex
  /** Set by the transaction coordinator; without one, transactional batches are refused. */
  txnGuard: TxnProduceGuard = () => ErrorCode.INVALID_TXN_STATE

  constructor(
    private readonly storage: Storage,
    private readonly events: BrokerEvents,
    private readonly now: () => number = Date.now,
  ) {
    this.producers = new ProducerTable(storage, now)
    this.openTxns = new OpenTxnIndex(storage)
  }

  partitionExists(topic: string, partition: number): boolean {
    const record = this.storage.getTopic(topic)
    return !!record && partition >= 0 && partition < record.partitionCount
  }

  /** Appends one batch per entry; all accepted batches are written in one storage transaction. */
  /** `apiVersion` is the Produce version: zstd needs v7+ (KIP-110). */
  appendProduced(batches: readonly ProducedBatch[], apiVersion: number): AppendOutcome[] {
    const outcomes: AppendOutcome[] = []
    const inputs: AppendInput[] = []
    const nextByPartition = new Map<string, bigint>()
    const pending = new Map<string, ProducerEntry>()
    const producerUpdates: NonNullable<IdempotenceCheck['next']>[] = []
    const opened: OpenTxnRecord[] = []
    const written: number[] = []
    for (const batch of batches) {
      const prepared = this.prepare(batch, nextByPartition, apiVersion, pending)
      outcomes.push(prepared.outcome)
      if (prepared.input) {
        inputs.push(prepared.input)
        written.push(outcomes.length - 1)
      }
      if (prepared.input?.isTransactional) this.noteOpened(prepared.input, opened)
      if (prepared.producer) {
        pending.set(prepared.producer.key, prepared.producer.entry)
        producerUpdates.push(prepared.producer)
      }
    }
    if (inputs.length > 0) {
      try {
        this.storage.appendMany(inputs, producerUpdates.map((u) => u.record), opened.length > 0 ? { opened } : undefined)
      } catch (err) {
        // The storage transaction rolled back (and its cached offsets with it); producer and transaction
        // state below are only committed after a successful write, so nothing in memory moved either.
        const reason = storageWriteFailure(err)
        if (!reason) throw err
        for (const i of written) outcomes[i] = failure(ErrorCode.KAFKA_STORAGE_ERROR, reason)
        return outcomes
      }
      for (const u of producerUpdates) this.producers.commit(u)
      for (const o of opened) this.openTxns.open(o)
      for (const input of inputs) this.announce(input)
    }
    return outcomes
  }

  private prepare(
    batch: ProducedBatch, nextByPartition: Map<string, bigint>, apiVersion: number, pending: Map<string, ProducerEntry>,
  ): { outcome: AppendOutcome; input?: AppendInput; producer?: IdempotenceCheck['next'] } {
    const checked = this.admissible(batch, apiVersion)
    if ('outcome' in checked) return checked
    const { topic, records, produced } = checked
    const key = partitionKey(batch.topic, batch.partition)
    const baseOffset = nextByPartition.get(key) ?? this.storage.nextOffset(batch.topic, batch.partition)
    // Sequence checks come before the offset is assigned: a re-sent batch must not take new offsets.
    const idem = this.producers.check(topic.topicId, batch.topic, batch.partition, produced, baseOffset, this.now(), pending)
    if (idem.verdict.kind !== 'append') return { outcome: this.idempotenceOutcome(batch, idem.verdict) }
    // Copy: the frame buffer belongs to the connection; the stored batch must not alias it.
    const bytes = Buffer.from(records)
    setBaseOffset(bytes, baseOffset)
    let logAppendTimeMs = -1n
    if (effectiveTopicConfig(topic.configs, 'message.timestamp.type') === 'LogAppendTime') {
      logAppendTimeMs = BigInt(this.now())
      stampLogAppendTime(bytes, logAppendTimeMs)
    }
    const header = readBatchHeader(bytes)
    const lastOffset = baseOffset + BigInt(header.lastOffsetDelta)
    nextByPartition.set(key, lastOffset + 1n)
    const input: AppendInput = {
      topic: batch.topic,
      partition: batch.partition,
      bytes,
      baseOffset,
      lastOffset,
      maxTimestamp: header.maxTimestamp,
      producerId: header.producerId,
      baseSequence: header.baseSequence,
      isTransactional: header.isTransactional,
      isControl: header.isControl,
    }
    const logStartOffset = this.storage.offsets(batch.topic, batch.partition).logStartOffset
    return { outcome: { errorCode: ErrorCode.NONE, errorMessage: null, baseOffset, logAppendTimeMs, logStartOffset }, input, producer: idem.next }
  }

  /** Partition, batch format and (for transactional batches) the coordinator's checks, before any state changes. */
  private admissible(batch: ProducedBatch, apiVersion: number): { outcome: AppendOutcome } | { topic: TopicRecord; records: Buffer; produced: BatchHeader } {
    const topic = this.storage.getTopic(batch.topic)
    if (!topic || batch.partition < 0 || batch.partition >= topic.partitionCount) {
      return { outcome: failure(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.') }
    }
    if (!batch.records || batch.records.length === 0) {
      return { outcome: failure(ErrorCode.CORRUPT_MESSAGE, 'Produce request carried no record batch.') }
    }
    const maxBytes = Number(effectiveTopicConfig(topic.configs, 'max.message.bytes'))
    const verdict = validateProducedRecords(batch.records, maxBytes, { apiVersion })
    if (verdict.errorCode !== ErrorCode.NONE) return { outcome: failure(verdict.errorCode, verdict.message ?? null) }
    const produced = readBatchHeader(batch.records)
    if (produced.isTransactional) {
      // Fencing and AddPartitionsToTxn membership (KIP-98) are checked before any producer state changes.
      const txnError = this.txnGuard(produced.producerId, produced.producerEpoch, batch.topic, batch.partition)
      if (txnError !== ErrorCode.NONE) return { outcome: failure(txnError, 'Transactional batch refused by the transaction coordinator.') }
    }
    return { topic, records: batch.records, produced }
  }

  /** A re-sent recent batch succeeds with its original offset (clients count it as written); else an error. */
  private idempotenceOutcome(batch: ProducedBatch, verdict: Exclude<IdempotenceCheck['verdict'], { kind: 'append' }>): AppendOutcome {
    if (verdict.kind === 'reject') return failure(verdict.errorCode, verdict.message)
    const logStartOffset = this.storage.offsets(batch.topic, batch.partition).logStartOffset
    return { errorCode: ErrorCode.NONE, errorMessage: null, baseOffset: verdict.baseOffset, logAppendTimeMs: -1n, logStartOffset }
  }

  private announce(input: AppendInput): void {
    this.notifier.notify(partitionKey(input.topic, input.partition))
    this.events.emit({
      type: 'records-appended',
      topic: input.topic,
      partition: input.partition,
      baseOffset: input.baseOffset,
      recordCount: Number(input.lastOffset - input.baseOffset) + 1,
      bytes: input.bytes.length,
    })
  }

  offsets(topic: string, partition: number): PartitionOffsets {
    return this.storage.offsets(topic, partition)
  }

  /**
   * Whole batches starting with the one containing `fetchOffset` (CLIENTS.md pitfalls 18-19). read_committed
   * (KIP-98) stops before the last stable offset, at a batch boundary (an open transaction's first batch),
   * and lists the aborted transactions the returned range overlaps so the consumer can drop their records.
   */
  read(topic: string, partition: number, fetchOffset: bigint, maxBytes: number, readCommitted = false): ReadOutcome {
    if (!this.partitionExists(topic, partition)) {
      return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1n, lastStableOffset: -1n, abortedTransactions: null, logStartOffset: -1n, batches: [] }
    }
    const { logStartOffset, highWatermark } = this.storage.offsets(topic, partition)
    const lastStableOffset = this.openTxns.lastStableOffset(topic, partition, highWatermark)
    const base = { highWatermark, lastStableOffset, logStartOffset, abortedTransactions: readCommitted ? [] : null }
    if (fetchOffset < logStartOffset || fetchOffset > highWatermark) return { ...base, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, batches: [] }
    const limit = readCommitted ? lastStableOffset : highWatermark
    if (fetchOffset >= limit) return { ...base, errorCode: ErrorCode.NONE, batches: [] }
    let batches = this.storage.readBatches(topic, partition, fetchOffset, maxBytes)
    if (!readCommitted) return { ...base, errorCode: ErrorCode.NONE, batches }
    batches = batches.filter((b) => b.baseOffset < limit)
    const end = batches.at(-1)?.lastOffset
    const aborted = end === undefined ? [] : this.storage.abortedTxns(topic, partition, fetchOffset, end + 1n)
    const abortedTransactions = aborted.map((a) => ({ producerId: a.producerId, firstOffset: a.firstOffset }))
    return { ...base, abortedTransactions, errorCode: ErrorCode.NONE, batches }
  }

  /** Inspection: every partition's high watermark and last stable offset (they differ while a transaction is open). */
  lastStableOffsets(): { topic: string; partition: number; highWatermark: bigint; lastStableOffset: bigint }[] {
    return this.storage.listTopics().flatMap((t) => Array.from({ length: t.partitionCount }, (_, partition) => {
      const highWatermark = this.storage.offsets(t.name, partition).highWatermark
      return { topic: t.name, partition, highWatermark, lastStableOffset: this.openTxns.lastStableOffset(t.name, partition, highWatermark) }
    }))
  }

  lastStableOffset(topic: string, partition: number): bigint {
    return this.openTxns.lastStableOffset(topic, partition, this.storage.offsets(topic, partition).highWatermark)
  }

  /**
   * Ends a transaction: one COMMIT or ABORT marker per partition, the aborted-transaction index entries, the
   * committed group offsets and the coordinator's new state, all in one storage transaction.
   */
  writeMarkers(w: MarkerWrite): void {
    const inputs: AppendInput[] = []
    const closed: OpenTxnRecord[] = []
    const aborted: (OpenTxnRecord & { lastOffset: bigint })[] = []
    const now = BigInt(this.now())
    for (const { topic, partition } of w.partitions) {
      if (!this.partitionExists(topic, partition)) continue
      const baseOffset = this.storage.nextOffset(topic, partition)
      const bytes = encodeMarkerBatch({ baseOffset, producerId: w.producerId, producerEpoch: w.producerEpoch, commit: w.commit, coordinatorEpoch: 0, timestampMs: now })
      inputs.push({ topic, partition, bytes, baseOffset, lastOffset: baseOffset, maxTimestamp: now, producerId: w.producerId,
        baseSequence: -1, isTransactional: true, isControl: true })
      const firstOffset = this.openTxns.firstOffset(topic, partition, w.producerId)
      if (firstOffset === undefined) continue
      closed.push({ topic, partition, producerId: w.producerId, firstOffset })
      if (!w.commit) aborted.push({ topic, partition, producerId: w.producerId, firstOffset, lastOffset: baseOffset })
    }
    this.storage.appendMany(inputs, [], { closed, aborted, offsets: w.offsets, transaction: w.transaction })
    for (const c of closed) this.openTxns.close(c.topic, c.partition, c.producerId)
    for (const input of inputs) this.announce(input)
  }

  private noteOpened(input: AppendInput, opened: OpenTxnRecord[]): void {
    const known = this.openTxns.firstOffset(input.topic, input.partition, input.producerId) !== undefined ||
      opened.some((o) => o.topic === input.topic && o.partition === input.partition && o.producerId === input.producerId)
    if (!known) opened.push({ topic: input.topic, partition: input.partition, producerId: input.producerId, firstOffset: input.baseOffset })
  }
}

function failure(errorCode: number, errorMessage: string | null): AppendOutcome {
  return { errorCode, errorMessage, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n }
}
