import type { AppendInput, PartitionOffsets, Storage, StoredBatch } from '../storage/storage'
import { ErrorCode } from '../protocol/error-codes'
import { readBatchHeader, setBaseOffset, stampLogAppendTime, validateProducedRecords } from '../protocol/records'
import { effectiveTopicConfig } from '../config/topic-configs'
import { AppendNotifier, partitionKey } from './append-notifier'
import type { BrokerEvents } from '../broker/events'
import { ProducerTable, type IdempotenceCheck } from './producer-table'
import type { ProducerEntry } from './producer-state'

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

  constructor(
    private readonly storage: Storage,
    private readonly events: BrokerEvents,
    private readonly now: () => number = Date.now,
  ) {
    this.producers = new ProducerTable(storage, now)
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
    for (const batch of batches) {
      const prepared = this.prepare(batch, nextByPartition, apiVersion, pending)
      outcomes.push(prepared.outcome)
      if (prepared.input) inputs.push(prepared.input)
      if (prepared.producer) {
        pending.set(prepared.producer.key, prepared.producer.entry)
        producerUpdates.push(prepared.producer)
      }
    }
    if (inputs.length > 0) {
      this.storage.appendMany(inputs, producerUpdates.map((u) => u.record))
      for (const u of producerUpdates) this.producers.commit(u)
      for (const input of inputs) this.announce(input)
    }
    return outcomes
  }

  private prepare(
    batch: ProducedBatch, nextByPartition: Map<string, bigint>, apiVersion: number, pending: Map<string, ProducerEntry>,
  ): { outcome: AppendOutcome; input?: AppendInput; producer?: IdempotenceCheck['next'] } {
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
    const key = partitionKey(batch.topic, batch.partition)
    const baseOffset = nextByPartition.get(key) ?? this.storage.nextOffset(batch.topic, batch.partition)
    // Sequence checks come before the offset is assigned: a re-sent batch must not take new offsets.
    const idem = this.producers.check(topic.topicId, batch.topic, batch.partition, readBatchHeader(batch.records), baseOffset, this.now(), pending)
    if (idem.verdict.kind !== 'append') return { outcome: this.idempotenceOutcome(batch, idem.verdict) }
    // Copy: the frame buffer belongs to the connection; the stored batch must not alias it.
    const bytes = Buffer.from(batch.records)
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

  /** Whole batches starting with the one containing `fetchOffset` (CLIENTS.md pitfalls 18-19). */
  read(topic: string, partition: number, fetchOffset: bigint, maxBytes: number): ReadOutcome {
    if (!this.partitionExists(topic, partition)) {
      return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1n, logStartOffset: -1n, batches: [] }
    }
    const { logStartOffset, highWatermark } = this.storage.offsets(topic, partition)
    if (fetchOffset < logStartOffset || fetchOffset > highWatermark) {
      return { errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark, logStartOffset, batches: [] }
    }
    const batches = fetchOffset === highWatermark ? [] : this.storage.readBatches(topic, partition, fetchOffset, maxBytes)
    return { errorCode: ErrorCode.NONE, highWatermark, logStartOffset, batches }
  }
}

function failure(errorCode: number, errorMessage: string | null): AppendOutcome {
  return { errorCode, errorMessage, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n }
}
