// Filters records out of one stored RecordBatch for log compaction. Kept records are copied byte for byte:
// their offset and timestamp deltas stay valid because the base offset, base timestamp and lastOffsetDelta
// are kept, so offsets never move (gaps are normal in a compacted log) and consumers still advance past
// the whole batch (they continue from baseOffset + lastOffsetDelta + 1). The batch is re-compressed with its
// own codec and gets a fresh CRC-32C (RECORD-FORMAT.md: the CRC covers attributes onwards).
import {
  Attr,
  BATCH_HEADER_SIZE,
  BATCH_LENGTH_OVERHEAD,
  BatchField,
  batchSize,
  compress,
  decodeBatch,
  decompress,
  readBatchHeader,
  writeBatchCrc,
  type DecodedBatch,
  type DecodedRecord,
} from '../../protocol/records'

export type RewriteResult = { kind: 'unchanged' } | { kind: 'empty' } | { kind: 'rewritten'; bytes: Buffer }

/** The batch decoded once, with each record's raw bytes, so callers can scan and then filter. */
export interface OpenedBatch {
  decoded: DecodedBatch
  /** Uncompressed records section; record i spans [starts[i], starts[i + 1]). */
  body: Buffer
  starts: number[]
}

export async function openBatch(bytes: Buffer): Promise<OpenedBatch> {
  const header = readBatchHeader(bytes)
  const end = batchSize(header)
  const body = await decompress(header.compression, bytes.subarray(BATCH_HEADER_SIZE, end))
  // Decode an uncompressed copy of the header + body so the record sizes line up with `body`.
  const plain = Buffer.concat([bytes.subarray(0, BATCH_HEADER_SIZE), body])
  plain.writeInt16BE(header.attributes & ~Attr.compressionMask, BatchField.attributes)
  plain.writeInt32BE(plain.length - BATCH_LENGTH_OVERHEAD, BatchField.batchLength)
  const decoded = await decodeBatch(plain)
  const starts = [0]
  for (const r of decoded.records) starts.push(starts.at(-1)! + r.sizeInBytes)
  return { decoded, body, starts }
}

/** Keeps the records `keep` accepts; returns the new batch, or says it is unchanged or empty. */
export async function rewriteBatch(original: Buffer, opened: OpenedBatch, keep: (r: DecodedRecord) => boolean): Promise<RewriteResult> {
  const { decoded, body, starts } = opened
  const kept: Buffer[] = []
  decoded.records.forEach((r, i) => {
    if (keep(r)) kept.push(body.subarray(starts[i], starts[i + 1]))
  })
  if (kept.length === decoded.records.length) return { kind: 'unchanged' }
  if (kept.length === 0) return { kind: 'empty' }
  const payload = await compress(readBatchHeader(original).compression, Buffer.concat(kept))
  const out = Buffer.alloc(BATCH_HEADER_SIZE + payload.length)
  original.copy(out, 0, 0, BATCH_HEADER_SIZE)
  payload.copy(out, BATCH_HEADER_SIZE)
  out.writeInt32BE(out.length - BATCH_LENGTH_OVERHEAD, BatchField.batchLength)
  out.writeInt32BE(kept.length, BatchField.recordCount)
  writeBatchCrc(out)
  return { kind: 'rewritten', bytes: out }
}
