/** Turns fetched RecordBatches into contract rows (bytes as base64 plus a UTF-8 text view when valid). */
import { TimestampType, decodeBatches } from '../../core/protocol/records'
import type { Bytes, Compression, MessageRow } from '../ipc/contract'

const COMPRESSION: Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd']
/** List views carry at most this much of a key/value; the detail panel can re-read the full row. */
export const MAX_INLINE_BYTES = 1024 * 1024
const utf8 = new TextDecoder('utf-8', { fatal: true })

export function toBytes(buf: Buffer | null, cap = MAX_INLINE_BYTES): Bytes | null {
  if (buf === null) return null
  const truncated = buf.length > cap
  const view = truncated ? buf.subarray(0, cap) : buf
  let text: string | null
  try {
    text = utf8.decode(view)
  } catch {
    text = null
  }
  return { base64: view.toString('base64'), text, size: buf.length, truncated }
}

/**
 * Rows with offset >= fromOffset from a Fetch `records` field. Control batches (transaction markers) are
 * skipped: they are not messages. A trailing partial batch (Fetch may cut one at maxBytes) is ignored.
 * `maxRows` stops early (nextOffset is then the offset after the last row): a producer's batch may hold
 * 10,000 records, and turning all of them into rows (base64 + UTF-8 views) to show the first 100 cost
 * ~150 ms of a 1M-message topic's first open.
 */
export async function rowsFromRecords(records: Buffer | null, partition: number, fromOffset: bigint, maxRows = Infinity): Promise<{ rows: MessageRow[]; nextOffset: bigint }> {
  const rows: MessageRow[] = []
  let nextOffset = fromOffset
  if (!records || records.length === 0) return { rows, nextOffset }
  for (const batch of await decodeBatches(records)) {
    const h = batch.header
    const last = h.baseOffset + BigInt(h.lastOffsetDelta)
    if (last + 1n > nextOffset) nextOffset = last + 1n
    if (batch.isControl) continue
    const compression = COMPRESSION[h.compression] ?? 'none'
    const timestampType = h.timestampType === TimestampType.LogAppendTime ? 'log-append-time' : 'create-time'
    for (const r of batch.records) {
      if (r.offset < fromOffset) continue
      if (rows.length >= maxRows) return { rows, nextOffset: r.offset }
      rows.push({
        partition,
        offset: r.offset.toString(),
        timestamp: r.timestamp.toString(),
        timestampType,
        key: toBytes(r.key),
        value: toBytes(r.value),
        headers: r.headers.map((hd) => ({ key: hd.key, value: toBytes(hd.value) })),
        sizeBytes: r.sizeInBytes,
        compression,
        batchBaseOffset: h.baseOffset.toString(),
        producerId: h.producerId.toString(),
        isTransactional: h.isTransactional,
      })
    }
  }
  return { rows, nextOffset }
}
