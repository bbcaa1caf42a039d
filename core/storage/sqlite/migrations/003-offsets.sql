-- Committed consumer group offsets (OffsetCommit / OffsetFetch). Keyed by topic name, as the APIs are, and
-- removed explicitly when a topic is deleted.
CREATE TABLE committed_offsets (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  partition_index INTEGER NOT NULL,
  committed_offset INTEGER NOT NULL,
  leader_epoch INTEGER NOT NULL,
  metadata TEXT,
  commit_timestamp_ms INTEGER NOT NULL,
  PRIMARY KEY (group_id, topic, partition_index)
) WITHOUT ROWID;

CREATE INDEX committed_offsets_by_topic ON committed_offsets (topic);
