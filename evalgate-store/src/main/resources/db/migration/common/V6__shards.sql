-- A run may be written by several processes at once, each running one shard of its cases (evalgate run
-- --shard I/N --run-id ID). shard_count is N, NULL for a run written by one process. One run_shards row per shard
-- that began: the run is complete once all N rows are 'complete'.
ALTER TABLE runs ADD COLUMN shard_count INTEGER;

CREATE TABLE run_shards (
    run_id      TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    shard_index INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('running', 'complete', 'incomplete')),
    started_ms  BIGINT  NOT NULL,
    finished_ms BIGINT,
    elapsed_ms  BIGINT,
    attempts    INTEGER NOT NULL,
    PRIMARY KEY (run_id, shard_index)
);
