-- Topics and their partitions. `id` is an internal integer key: batch rows stay small, and a topic deleted
-- and recreated under the same name gets fresh rows and a fresh topic_id (KIP-516).
CREATE TABLE topics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  topic_id TEXT NOT NULL UNIQUE,
  partition_count INTEGER NOT NULL CHECK (partition_count > 0),
  configs TEXT NOT NULL DEFAULT '{}',
  created_at_ms INTEGER NOT NULL
);

-- log_start_offset is stored because DeleteRecords can move it past every remaining batch.
CREATE TABLE partitions (
  id INTEGER PRIMARY KEY,
  topic_key INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  partition_index INTEGER NOT NULL,
  log_start_offset INTEGER NOT NULL DEFAULT 0,
  UNIQUE (topic_key, partition_index)
);
