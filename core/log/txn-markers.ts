// Transaction markers (KIP-98; RECORD-FORMAT.md "Control records"): a control batch with one record whose
// key is (version 0, type ABORT 0 / COMMIT 1) and whose value is (version 0, coordinator epoch). Encoded
// synchronously (no compression) so a whole commit or abort is written in one storage transaction.
import { Attr, BATCH_HEADER_SIZE, BATCH_LENGTH_OVERHEAD, BatchField, ControlRecordType, crc32c } from '../protocol/records'

/**
 * The single control record: length 16, attributes 0, timestampDelta 0, offsetDelta 0, key (4 bytes),
 * value (6 bytes), no headers. Record varints are zigzag (RECORD-FORMAT.md), so n is written as 2n.
 */
function markerRecord(type: number, coordinatorEpoch: number): Buffer {
  const rec = Buffer.alloc(17)
  rec[0] = 16 * 2 // length of the rest
  rec[4] = 4 * 2 // keyLength
  rec.writeInt16BE(0, 5) // control key version
  rec.writeInt16BE(type, 7)
  rec[9] = 6 * 2 // valueLength
  rec.writeInt16BE(0, 10) // marker version
  rec.writeInt32BE(coordinatorEpoch, 12)
  return rec // byte 16 = header count 0
}

export interface MarkerSpec {
  baseOffset: bigint
  producerId: bigint
  producerEpoch: number
  commit: boolean
  coordinatorEpoch: number
  timestampMs: bigint
}

export function encodeMarkerBatch(m: MarkerSpec): Buffer {
  const record = markerRecord(m.commit ? ControlRecordType.Commit : ControlRecordType.Abort, m.coordinatorEpoch)
  const buf = Buffer.alloc(BATCH_HEADER_SIZE + record.length)
  buf.writeBigInt64BE(m.baseOffset, BatchField.baseOffset)
  buf.writeInt32BE(buf.length - BATCH_LENGTH_OVERHEAD, BatchField.batchLength)
  buf.writeInt32BE(0, BatchField.partitionLeaderEpoch)
  buf.writeInt8(2, BatchField.magic)
  buf.writeInt16BE(Attr.transactional | Attr.control, BatchField.attributes)
  buf.writeInt32BE(0, BatchField.lastOffsetDelta)
  buf.writeBigInt64BE(m.timestampMs, BatchField.baseTimestamp)
  buf.writeBigInt64BE(m.timestampMs, BatchField.maxTimestamp)
  buf.writeBigInt64BE(m.producerId, BatchField.producerId)
  buf.writeInt16BE(m.producerEpoch, BatchField.producerEpoch)
  buf.writeInt32BE(-1, BatchField.baseSequence)
  buf.writeInt32BE(1, BatchField.recordCount)
  record.copy(buf, BATCH_HEADER_SIZE)
  buf.writeUInt32BE(crc32c(buf, BatchField.attributes), BatchField.crc)
  return buf
}
