-- Transactions (KIP-98). transactions: the coordinator's state per transactional.id; partitions, groups and
-- pending_offsets are small JSON arrays (offsets as decimal strings). open_txns: per partition, the first
-- offset of each producer's transaction that has no marker yet (bounds the last stable offset).
-- aborted_txns: the aborted-transaction index read_committed fetches return (first offset .. ABORT marker).
CREATE TABLE transactions (
  transactional_id TEXT PRIMARY KEY,
  producer_id INTEGER NOT NULL,
  producer_epoch INTEGER NOT NULL,
  timeout_ms INTEGER NOT NULL,
  state TEXT NOT NULL,
  partitions TEXT NOT NULL,
  groups TEXT NOT NULL,
  pending_offsets TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE open_txns (
  partition_id INTEGER NOT NULL REFERENCES partitions (id) ON DELETE CASCADE,
  producer_id INTEGER NOT NULL,
  first_offset INTEGER NOT NULL,
  PRIMARY KEY (partition_id, producer_id)
) WITHOUT ROWID;

CREATE TABLE aborted_txns (
  partition_id INTEGER NOT NULL REFERENCES partitions (id) ON DELETE CASCADE,
  last_offset INTEGER NOT NULL,
  first_offset INTEGER NOT NULL,
  producer_id INTEGER NOT NULL,
  PRIMARY KEY (partition_id, last_offset)
) WITHOUT ROWID;
