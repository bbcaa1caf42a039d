import type { AppendInput, PartitionOffsets, Storage, StoredBatch } from '../storage/storage'
import { ErrorCode } from '../protocol/error-codes'
import { readBatchHeader, setBaseOffset, stampLogAppendTime, validateProducedRecords } from '../protocol/records'
import { effectiveTopicConfig } from '../config/topic-configs'
import { AppendNotifier, partitionKey } from './append-notifier'
import type { BrokerEvents } from '../broker/events'

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

  constructor(
    private readonly storage: Storage,
    private readonly events: BrokerEvents,
    private readonly now: () => number = Date.now,
  ) {}

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
    for (const batch of batches) {
      const prepared = this.prepare(batch, nextByPartition, apiVersion)
      outcomes.push(prepared.outcome)
      if (prepared.input) inputs.push(prepared.input)
    }
    if (inputs.length > 0) {
      if (this.storage.appendMany) this.storage.appendMany(inputs)
      else for (const input of inputs) this.storage.append(input)
      for (const input of inputs) this.announce(input)
    }
    return outcomes
  }

  private prepare(batch: ProducedBatch, nextByPartition: Map<string, bigint>, apiVersion: number): { outcome: AppendOutcome; input?: AppendInput } {
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
    return { outcome: { errorCode: ErrorCode.NONE, errorMessage: null, baseOffset, logAppendTimeMs, logStartOffset }, input }
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
