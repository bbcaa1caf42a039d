import { crc32c } from '../protocol/records'

/**
 * message.timestamp.type=LogAppendTime: set the timestamp-type attribute bit and maxTimestamp to the
 * broker's clock. Both lie inside the CRC-32C range (bytes 21..end), so the CRC is recomputed
 * (RECORD-FORMAT.md, "CRC coverage").
 */
export function stampLogAppendTime(batch: Buffer, appendTimeMs: bigint): void {
  const attributes = batch.readInt16BE(21)
  batch.writeInt16BE(attributes | 0x08, 21)
  batch.writeBigInt64BE(appendTimeMs, 35)
  batch.writeUInt32BE(crc32c(batch, 21, batch.length), 17)
}
