// RecordBatch v2 decoder. Malformed input throws (never loops or allocates from an untrusted length):
// counts are checked against the bytes actually present before any array is built.
import { BATCH_HEADER_SIZE, MIN_BATCH_LENGTH, TimestampType, batchSize, batchesIn, isBatchCrcValid, readBatchHeader } from './batch-header'
import type { BatchHeader } from './batch-header'
import { DEFAULT_MAX_DECOMPRESSED_BYTES, decompress } from './codecs'
import type { DecodedBatch, DecodedRecord, RecordHeader } from './record'
import { RecordCursor } from './varint'

// Smallest encoded record: length, attributes, timestampDelta, offsetDelta, key, value, headerCount.
const MIN_RECORD_SIZE = 7

export interface DecodeOptions {
  /** Check the CRC-32C first (throws on mismatch). Off by default: stored batches were checked on produce. */
  verifyCrc?: boolean
  maxDecompressedBytes?: number
}

/** Decodes the batch at the start of `buf` (trailing bytes after it are ignored). */
export async function decodeBatch(buf: Buffer, opts: DecodeOptions = {}): Promise<DecodedBatch> {
  const header = readBatchHeader(buf)
  if (header.magic !== 2) throw new Error(`unsupported record batch magic ${header.magic}`)
  if (header.batchLength < MIN_BATCH_LENGTH) throw new Error(`corrupt batch: batchLength ${header.batchLength}`)
  const size = batchSize(header)
  if (size > buf.length) throw new Error(`truncated batch: ${size} bytes declared, ${buf.length} present`)
  if (opts.verifyCrc && !isBatchCrcValid(buf)) throw new Error('record batch CRC-32C mismatch')
  if (header.recordCount < 0) throw new Error(`corrupt batch: recordCount ${header.recordCount}`)
  const payload = buf.subarray(BATCH_HEADER_SIZE, size)
  const body = await decompress(header.compression, payload, opts.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES)
  const records = decodeRecords(body, header)
  return { header, records, isControl: header.isControl, sizeInBytes: size }
}

/** Decodes every complete batch of a `records` field (a trailing partial batch is skipped). */
export async function decodeBatches(buf: Buffer, opts: DecodeOptions = {}): Promise<DecodedBatch[]> {
  const out: DecodedBatch[] = []
  for (const b of batchesIn(buf)) out.push(await decodeBatch(buf.subarray(b.offset, b.offset + b.size), opts))
  return out
}

function decodeRecords(body: Buffer, header: BatchHeader): DecodedRecord[] {
  if (header.recordCount > body.length / MIN_RECORD_SIZE) {
    throw new Error(`corrupt batch: ${header.recordCount} records cannot fit in ${body.length} bytes`)
  }
  const cur = new RecordCursor(body, 0, body.length)
  const records: DecodedRecord[] = []
  for (let i = 0; i < header.recordCount; i++) records.push(decodeRecord(cur, header))
  if (cur.remaining !== 0) throw new Error(`corrupt batch: ${cur.remaining} bytes after the last record`)
  return records
}

function decodeRecord(cur: RecordCursor, header: BatchHeader): DecodedRecord {
  const start = cur.pos
  const length = cur.readVarint()
  if (length < 0 || length > cur.remaining) throw new Error(`corrupt record: length ${length}`)
  const rec = new RecordCursor(cur.buf, cur.pos, cur.pos + length)
  rec.readInt8() // attributes: unused in v2
  const timestampDelta = rec.readVarlong()
  const offsetDelta = rec.readVarint()
  const key = rec.readBytes(rec.readVarint())
  const value = rec.readBytes(rec.readVarint())
  const headerCount = rec.readVarint()
  if (headerCount < 0 || headerCount > rec.remaining / 2) throw new Error(`corrupt record: headerCount ${headerCount}`)
  const headers: RecordHeader[] = []
  for (let h = 0; h < headerCount; h++) {
    const hk = rec.readBytes(rec.readVarint())
    if (hk === null) throw new Error('corrupt record: null header key')
    headers.push({ key: hk.toString('utf8'), value: rec.readBytes(rec.readVarint()) })
  }
  if (rec.remaining !== 0) throw new Error(`corrupt record: ${rec.remaining} unread bytes`)
  cur.pos = rec.end
  const timestamp =
    header.timestampType === TimestampType.LogAppendTime ? header.maxTimestamp : header.baseTimestamp + timestampDelta
  const record: DecodedRecord = {
    offset: header.baseOffset + BigInt(offsetDelta),
    timestamp,
    key,
    value,
    headers,
    sizeInBytes: cur.pos - start,
  }
  if (header.isControl && key !== null && key.length >= 4) {
    record.control = { version: key.readInt16BE(0), type: key.readInt16BE(2) }
  }
  return record
}
