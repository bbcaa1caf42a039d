-- Small broker metadata: cluster id, producer id counter, ...
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
