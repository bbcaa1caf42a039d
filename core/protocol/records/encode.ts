// RecordBatch v2 encoder (console producer, compaction cleaner, control markers).
import { Attr, BATCH_HEADER_SIZE, BATCH_LENGTH_OVERHEAD, BatchField, TimestampType } from './batch-header'
import { compress } from './codecs'
import { crc32c } from './crc32c'
import type { EncodeOptions, RecordInput } from './record'
import { sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from './varint'

interface PreparedRecord {
  key: Buffer | null
  value: Buffer | null
  headers: { key: Buffer; value: Buffer | null }[]
  timestampDelta: bigint
  offsetDelta: number
  bodySize: number
}

function toBytes(v: Buffer | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v
}

function sizeOfBytes(b: Buffer | null): number {
  return b === null ? sizeOfVarint(-1) : sizeOfVarint(b.length) + b.length
}

function prepare(input: RecordInput, offsetDelta: number, timestamp: bigint, baseTimestamp: bigint): PreparedRecord {
  const key = toBytes(input.key)
  const value = toBytes(input.value)
  const headers = (input.headers ?? []).map((h) => ({ key: Buffer.from(h.key, 'utf8'), value: toBytes(h.value) }))
  const timestampDelta = timestamp - baseTimestamp
  let bodySize =
    1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(offsetDelta) + sizeOfBytes(key) + sizeOfBytes(value)
  bodySize += sizeOfVarint(headers.length)
  for (const h of headers) bodySize += sizeOfBytes(h.key) + sizeOfBytes(h.value)
  return { key, value, headers, timestampDelta, offsetDelta, bodySize }
}

function writeBytes(buf: Buffer, pos: number, b: Buffer | null): number {
  if (b === null) return writeVarint(buf, pos, -1)
  pos = writeVarint(buf, pos, b.length)
  return pos + b.copy(buf, pos)
}

function writeRecords(records: PreparedRecord[]): Buffer {
  let total = 0
  for (const r of records) total += sizeOfVarint(r.bodySize) + r.bodySize
  const buf = Buffer.allocUnsafe(total)
  let pos = 0
  for (const r of records) {
    pos = writeVarint(buf, pos, r.bodySize)
    buf[pos++] = 0 // record attributes: unused
    pos = writeVarlong(buf, pos, r.timestampDelta)
    pos = writeVarint(buf, pos, r.offsetDelta)
    pos = writeBytes(buf, pos, r.key)
    pos = writeBytes(buf, pos, r.value)
    pos = writeVarint(buf, pos, r.headers.length)
    for (const h of r.headers) {
      pos = writeBytes(buf, pos, h.key)
      pos = writeBytes(buf, pos, h.value)
    }
  }
  return buf
}

/** Encodes records into one RecordBatch v2 with a correct CRC-32C. At least one record is required. */
export async function encodeBatch(records: RecordInput[], opts: EncodeOptions = {}): Promise<Buffer> {
  if (records.length === 0) throw new Error('encodeBatch: a batch needs at least one record')
  const now = BigInt(Date.now())
  const timestamps = records.map((r) => r.timestamp ?? now)
  // The first record's timestamp is the base, as Kafka's builders do; deltas may be negative.
  const baseTimestamp = timestamps[0]!
  let maxTimestamp = baseTimestamp
  for (const t of timestamps) if (t > maxTimestamp) maxTimestamp = t
  const prepared = records.map((r, i) => prepare(r, i, timestamps[i]!, baseTimestamp))
  const codec = opts.compression ?? 0
  const body = await compress(codec, writeRecords(prepared))

  const buf = Buffer.allocUnsafe(BATCH_HEADER_SIZE + body.length)
  const logAppend = opts.timestampType === TimestampType.LogAppendTime
  let attributes = codec & Attr.compressionMask
  if (logAppend) attributes |= Attr.logAppendTime
  if (opts.isTransactional) attributes |= Attr.transactional
  if (opts.isControl) attributes |= Attr.control
  buf.writeBigInt64BE(opts.baseOffset ?? 0n, BatchField.baseOffset)
  buf.writeInt32BE(buf.length - BATCH_LENGTH_OVERHEAD, BatchField.batchLength)
  buf.writeInt32BE(opts.partitionLeaderEpoch ?? -1, BatchField.partitionLeaderEpoch)
  buf.writeInt8(2, BatchField.magic)
  buf.writeInt16BE(attributes, BatchField.attributes)
  buf.writeInt32BE(records.length - 1, BatchField.lastOffsetDelta)
  buf.writeBigInt64BE(baseTimestamp, BatchField.baseTimestamp)
  buf.writeBigInt64BE(logAppend && opts.logAppendTime !== undefined ? opts.logAppendTime : maxTimestamp, BatchField.maxTimestamp)
  buf.writeBigInt64BE(opts.producerId ?? -1n, BatchField.producerId)
  buf.writeInt16BE(opts.producerEpoch ?? -1, BatchField.producerEpoch)
  buf.writeInt32BE(opts.baseSequence ?? -1, BatchField.baseSequence)
  buf.writeInt32BE(records.length, BatchField.recordCount)
  body.copy(buf, BATCH_HEADER_SIZE)
  buf.writeUInt32BE(crc32c(buf, BatchField.attributes), BatchField.crc)
  return buf
}

/** Builds the key and value of a transaction marker (control record) for encodeBatch with isControl. */
export function controlMarker(type: number, coordinatorEpoch: number): RecordInput {
  const key = Buffer.alloc(4)
  key.writeInt16BE(0, 0) // control key version
  key.writeInt16BE(type, 2)
  const value = Buffer.alloc(6)
  value.writeInt16BE(0, 0) // EndTransactionMarker version
  value.writeInt32BE(coordinatorEpoch, 2)
  return { key, value }
}
