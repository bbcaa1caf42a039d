// Public API of RecordBatch v2 / Record v2 handling.
export { crc32c, crc32cUpdate } from './crc32c'
export {
  Attr,
  BATCH_HEADER_SIZE,
  BATCH_LENGTH_OVERHEAD,
  BatchField,
  CURRENT_MAGIC,
  MIN_BATCH_LENGTH,
  TimestampType,
  batchSize,
  batchesIn,
  isBatchCrcValid,
  lastOffset,
  readBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  stampLogAppendTime,
  writeBatchCrc,
} from './batch-header'
export type { BatchHeader, BatchSlice } from './batch-header'
export { validateProducedRecords } from './validate'
export type { RecordsVerdict, ValidateOptions } from './validate'
export {
  Compression,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  UnsupportedCompressionError,
  compress,
  decompress,
  isKnownCompression,
} from './codecs'
export { decodeBatch, decodeBatches } from './decode'
export type { DecodeOptions } from './decode'
export { controlMarker, encodeBatch } from './encode'
export { ControlRecordType } from './record'
export type { DecodedBatch, DecodedRecord, EncodeOptions, RecordHeader, RecordInput } from './record'
