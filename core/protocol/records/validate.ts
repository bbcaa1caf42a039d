// Produce v3+ checks on a partition's `records` field before it is appended (CLIENTS.md pitfall 14; Kafka's
// ProduceRequest.validateRecords and log validation). Header-only: no decompression on the hot path.
import { ErrorCode } from '../error-codes'
import {
  BATCH_HEADER_SIZE,
  BATCH_LENGTH_OVERHEAD,
  BatchField,
  CURRENT_MAGIC,
  MIN_BATCH_LENGTH,
  readBatchHeader,
  type BatchHeader,
} from './batch-header'
import { crc32c } from './crc32c'

export interface RecordsVerdict {
  errorCode: number
  message?: string
  header?: BatchHeader
}

export interface ValidateOptions {
  /** Produce request version: zstd (codec 4) needs v7+ (KIP-110). */
  apiVersion?: number
}

const ZSTD = 4
const MIN_PRODUCE_VERSION_FOR_ZSTD = 7

function fail(errorCode: number, message: string, header?: BatchHeader): RecordsVerdict {
  return header ? { errorCode, message, header } : { errorCode, message }
}

/**
 * Validates that `buf` is exactly one well-formed RecordBatch v2 fit for appending. baseOffset is ignored
 * (the broker overwrites it). Returns errorCode 0 and the parsed header on success.
 */
export function validateProducedRecords(buf: Buffer, maxMessageBytes: number, opts: ValidateOptions = {}): RecordsVerdict {
  if (buf.length === 0) return fail(ErrorCode.INVALID_RECORD, 'Produce v3+ requires exactly one record batch per partition')
  if (buf.length <= BatchField.magic) return fail(ErrorCode.CORRUPT_MESSAGE, `records too short (${buf.length} bytes)`)
  const magic = buf.readInt8(BatchField.magic)
  if (magic !== CURRENT_MAGIC) return fail(ErrorCode.INVALID_RECORD, `record batch magic ${magic}; Produce v3+ requires magic 2`)
  if (buf.length < BATCH_HEADER_SIZE) return fail(ErrorCode.CORRUPT_MESSAGE, `truncated batch header (${buf.length} bytes)`)
  const header = readBatchHeader(buf)
  const framing = checkFraming(buf, header, maxMessageBytes)
  if (framing) return framing
  const stored = header.crc
  const computed = crc32c(buf, BatchField.attributes, buf.length)
  if (stored !== computed) {
    return fail(ErrorCode.CORRUPT_MESSAGE, `CRC-32C mismatch: stored ${hex(stored)}, computed ${hex(computed)}`, header)
  }
  return checkFields(header, opts) ?? { errorCode: ErrorCode.NONE, header }
}

function checkFraming(buf: Buffer, header: BatchHeader, maxMessageBytes: number): RecordsVerdict | undefined {
  const size = header.batchLength + BATCH_LENGTH_OVERHEAD
  if (header.batchLength < MIN_BATCH_LENGTH) {
    return fail(ErrorCode.CORRUPT_MESSAGE, `batchLength ${header.batchLength} below the header size`, header)
  }
  if (size > buf.length) {
    return fail(ErrorCode.CORRUPT_MESSAGE, `batchLength says ${size} bytes but ${buf.length} were received`, header)
  }
  if (size < buf.length) {
    const rest = buf.length - size
    const nextIsBatch =
      rest >= BATCH_HEADER_SIZE && buf.readInt32BE(size + BatchField.batchLength) + BATCH_LENGTH_OVERHEAD <= rest
    return nextIsBatch
      ? fail(ErrorCode.INVALID_RECORD, 'Produce v3+ requires exactly one record batch per partition', header)
      : fail(ErrorCode.CORRUPT_MESSAGE, `${rest} trailing bytes after the record batch`, header)
  }
  if (size > maxMessageBytes) {
    return fail(ErrorCode.MESSAGE_TOO_LARGE, `batch of ${size} bytes exceeds max.message.bytes ${maxMessageBytes}`, header)
  }
  return undefined
}

function checkFields(header: BatchHeader, opts: ValidateOptions): RecordsVerdict | undefined {
  if (header.compression > ZSTD) {
    return fail(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `unknown compression codec ${header.compression}`, header)
  }
  if (header.compression === ZSTD && opts.apiVersion !== undefined && opts.apiVersion < MIN_PRODUCE_VERSION_FOR_ZSTD) {
    return fail(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, 'zstd requires Produce v7 or later', header)
  }
  if (header.isControl) return fail(ErrorCode.INVALID_RECORD, 'clients may not produce control batches', header)
  if (header.recordCount < 1) return fail(ErrorCode.INVALID_RECORD, `recordCount ${header.recordCount}`, header)
  if (header.lastOffsetDelta !== header.recordCount - 1) {
    return fail(
      ErrorCode.INVALID_RECORD,
      `lastOffsetDelta ${header.lastOffsetDelta} does not match recordCount ${header.recordCount}`,
      header,
    )
  }
  return undefined
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`
}
