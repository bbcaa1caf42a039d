// Domain types for Record v2 (RECORD-FORMAT.md "Record").
import type { BatchHeader, TimestampType } from './batch-header'

export interface RecordHeader {
  /** Header keys are UTF-8 strings and never null. */
  key: string
  value: Buffer | null
}

export interface DecodedRecord {
  /** baseOffset + offsetDelta. */
  offset: bigint
  /** LogAppendTime batches: the batch's maxTimestamp; otherwise baseTimestamp + timestampDelta. */
  timestamp: bigint
  /** Views into the (decompressed) batch bytes: copy them to keep them beyond the buffer's lifetime. */
  key: Buffer | null
  value: Buffer | null
  headers: RecordHeader[]
  /** Encoded size of the record including its length varint. */
  sizeInBytes: number
  /** Only in control batches: the control key (int16 version, int16 type: 0 ABORT, 1 COMMIT). */
  control?: { version: number; type: number }
}

export interface DecodedBatch {
  header: BatchHeader
  records: DecodedRecord[]
  isControl: boolean
  /** Total size of the batch in bytes (batchLength + 12). */
  sizeInBytes: number
}

export interface RecordInput {
  key?: Buffer | string | null
  value?: Buffer | string | null
  headers?: { key: string; value: Buffer | string | null }[]
  /** Milliseconds since the epoch; defaults to the encoding time. */
  timestamp?: bigint
}

export interface EncodeOptions {
  /** Codec number (Compression.*); 0 = none. */
  compression?: number
  baseOffset?: bigint
  producerId?: bigint
  producerEpoch?: number
  baseSequence?: number
  isTransactional?: boolean
  /** Writes a control batch (transaction markers); clients never produce these. */
  isControl?: boolean
  timestampType?: TimestampType
  partitionLeaderEpoch?: number
  /** LogAppendTime batches: the broker's append time, stored as maxTimestamp. */
  logAppendTime?: bigint
}

export const ControlRecordType = { Abort: 0, Commit: 1 } as const
