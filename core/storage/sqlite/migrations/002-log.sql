-- One row per producer RecordBatch, stored byte-for-byte as received (baseOffset already assigned).
-- bytes is the last column so that scans over the metadata columns never touch the blob's overflow pages.
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  partition_id INTEGER NOT NULL REFERENCES partitions (id) ON DELETE CASCADE,
  base_offset INTEGER NOT NULL,
  last_offset INTEGER NOT NULL,
  max_timestamp INTEGER NOT NULL,
  size INTEGER NOT NULL,
  producer_id INTEGER NOT NULL,
  base_sequence INTEGER NOT NULL,
  flags INTEGER NOT NULL, -- bit 0: transactional, bit 1: control (RecordBatch attributes bits 4 and 5)
  bytes BLOB NOT NULL
);

-- Fetch seeks by (partition, last_offset); size is included so that partition totals on open are index-only.
CREATE INDEX batches_by_last_offset ON batches (partition_id, last_offset, size);
