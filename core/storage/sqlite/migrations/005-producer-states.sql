-- Idempotent producer state per partition (KIP-98): the epoch and the last few batches' sequence ranges,
-- written in the same transaction as the batches so that duplicates are still recognised after a restart.
-- batches is a small JSON array of [firstSeq, lastSeq, baseOffset, lastOffset] (offsets as decimal strings).
CREATE TABLE producer_states (
  partition_id INTEGER NOT NULL REFERENCES partitions (id) ON DELETE CASCADE,
  producer_id INTEGER NOT NULL,
  producer_epoch INTEGER NOT NULL,
  last_timestamp_ms INTEGER NOT NULL,
  batches TEXT NOT NULL,
  PRIMARY KEY (partition_id, producer_id)
) WITHOUT ROWID;
