// Zero-copy view of the 61-byte RecordBatch v2 header (RECORD-FORMAT.md "RecordBatch"). All fields are
// big-endian at fixed offsets, so the broker can inspect and stamp batches without decoding records.
import { crc32c } from './crc32c'

export const BATCH_HEADER_SIZE = 61
/** batchLength counts the bytes after itself: everything but baseOffset (8) and batchLength (4). */
export const BATCH_LENGTH_OVERHEAD = 12
/** Smallest legal batchLength: a header with no records. */
export const MIN_BATCH_LENGTH = BATCH_HEADER_SIZE - BATCH_LENGTH_OVERHEAD
export const CURRENT_MAGIC = 2

// Field offsets inside the batch.
export const BatchField = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordCount: 57,
} as const

// Attribute bits (RECORD-FORMAT.md "Attributes").
export const Attr = {
  compressionMask: 0x07,
  logAppendTime: 0x08,
  transactional: 0x10,
  control: 0x20,
  deleteHorizon: 0x40,
} as const

export const TimestampType = { CreateTime: 0, LogAppendTime: 1 } as const
export type TimestampType = (typeof TimestampType)[keyof typeof TimestampType]

export interface BatchHeader {
  baseOffset: bigint
  batchLength: number
  partitionLeaderEpoch: number
  magic: number
  /** Stored CRC-32C, unsigned. */
  crc: number
  attributes: number
  /** Attribute bits 0-2: 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd (5-7 invalid). */
  compression: number
  timestampType: TimestampType
  isTransactional: boolean
  isControl: boolean
  hasDeleteHorizon: boolean
  lastOffsetDelta: number
  baseTimestamp: bigint
  maxTimestamp: bigint
  producerId: bigint
  producerEpoch: number
  baseSequence: number
  recordCount: number
}

/** Reads the header of the batch starting at `offset`. Throws if fewer than 61 bytes are available. */
export function readBatchHeader(buf: Buffer, offset = 0): BatchHeader {
  if (offset < 0 || buf.length - offset < BATCH_HEADER_SIZE) {
    throw new RangeError(`batch header needs ${BATCH_HEADER_SIZE} bytes at ${offset}, buffer has ${buf.length}`)
  }
  const attributes = buf.readInt16BE(offset + BatchField.attributes)
  return {
    baseOffset: buf.readBigInt64BE(offset),
    batchLength: buf.readInt32BE(offset + BatchField.batchLength),
    partitionLeaderEpoch: buf.readInt32BE(offset + BatchField.partitionLeaderEpoch),
    magic: buf.readInt8(offset + BatchField.magic),
    crc: buf.readUInt32BE(offset + BatchField.crc),
    attributes,
    compression: attributes & Attr.compressionMask,
    timestampType: attributes & Attr.logAppendTime ? TimestampType.LogAppendTime : TimestampType.CreateTime,
    isTransactional: (attributes & Attr.transactional) !== 0,
    isControl: (attributes & Attr.control) !== 0,
    hasDeleteHorizon: (attributes & Attr.deleteHorizon) !== 0,
    lastOffsetDelta: buf.readInt32BE(offset + BatchField.lastOffsetDelta),
    baseTimestamp: buf.readBigInt64BE(offset + BatchField.baseTimestamp),
    maxTimestamp: buf.readBigInt64BE(offset + BatchField.maxTimestamp),
    producerId: buf.readBigInt64BE(offset + BatchField.producerId),
    producerEpoch: buf.readInt16BE(offset + BatchField.producerEpoch),
    baseSequence: buf.readInt32BE(offset + BatchField.baseSequence),
    recordCount: buf.readInt32BE(offset + BatchField.recordCount),
  }
}

/** Total bytes the batch occupies, including baseOffset and batchLength. */
export function batchSize(header: Pick<BatchHeader, 'batchLength'>): number {
  return header.batchLength + BATCH_LENGTH_OVERHEAD
}

/** Offset of the last record in the batch. */
export function lastOffset(header: Pick<BatchHeader, 'baseOffset' | 'lastOffsetDelta'>): bigint {
  return header.baseOffset + BigInt(header.lastOffsetDelta)
}

/** Stamps the assigned base offset. Outside the CRC, so no recompute is needed (pitfall 15). */
export function setBaseOffset(buf: Buffer, offset: bigint, at = 0): void {
  buf.writeBigInt64BE(offset, at + BatchField.baseOffset)
}

/** Stamps the leader epoch. Outside the CRC as well. */
export function setPartitionLeaderEpoch(buf: Buffer, epoch: number, at = 0): void {
  buf.writeInt32BE(epoch, at + BatchField.partitionLeaderEpoch)
}

/**
 * Applies LogAppendTime (topic config message.timestamp.type): sets the timestamp-type bit and maxTimestamp
 * to the append time, then recomputes the CRC because both lie inside the CRC range (bytes 21..end).
 */
export function stampLogAppendTime(buf: Buffer, timestamp: bigint, at = 0): void {
  const attributes = buf.readInt16BE(at + BatchField.attributes)
  buf.writeInt16BE(attributes | Attr.logAppendTime, at + BatchField.attributes)
  buf.writeBigInt64BE(timestamp, at + BatchField.maxTimestamp)
  writeBatchCrc(buf, at)
}

/** Recomputes and stores the CRC-32C of the batch at `at` (bytes 21..end of the batch). */
export function writeBatchCrc(buf: Buffer, at = 0): number {
  const end = at + buf.readInt32BE(at + BatchField.batchLength) + BATCH_LENGTH_OVERHEAD
  const crc = crc32c(buf, at + BatchField.attributes, end)
  buf.writeUInt32BE(crc, at + BatchField.crc)
  return crc
}

/** True if the stored CRC matches the batch bytes. The batch must be complete in `buf`. */
export function isBatchCrcValid(buf: Buffer, at = 0): boolean {
  const end = at + buf.readInt32BE(at + BatchField.batchLength) + BATCH_LENGTH_OVERHEAD
  if (end > buf.length || end < at + BATCH_HEADER_SIZE) return false
  return crc32c(buf, at + BatchField.attributes, end) === buf.readUInt32BE(at + BatchField.crc)
}

export interface BatchSlice {
  /** Byte position of the batch inside the scanned buffer. */
  offset: number
  /** Total size in bytes (batchLength + 12). */
  size: number
  header: BatchHeader
}

/**
 * Iterates the complete batches of a `records` field, stopping silently at a trailing partial batch (a Fetch
 * response may end in one, pitfall 19). Throws on a batchLength too small to be a batch, since the rest of
 * the buffer cannot then be framed.
 */
export function* batchesIn(buf: Buffer): Generator<BatchSlice> {
  let offset = 0
  while (buf.length - offset >= BATCH_HEADER_SIZE) {
    const batchLength = buf.readInt32BE(offset + BatchField.batchLength)
    if (batchLength < MIN_BATCH_LENGTH) throw new RangeError(`corrupt batch at ${offset}: batchLength ${batchLength}`)
    const size = batchLength + BATCH_LENGTH_OVERHEAD
    if (buf.length - offset < size) return
    yield { offset, size, header: readBatchHeader(buf, offset) }
    offset += size
  }
}
