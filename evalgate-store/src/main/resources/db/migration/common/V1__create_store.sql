-- One logical schema for SQLite and PostgreSQL: only types both treat alike (TEXT, BIGINT, INTEGER,
-- DOUBLE PRECISION, BOOLEAN). Times are epoch milliseconds and JSON is TEXT, so neither vendor converts anything.

CREATE TABLE runs (
    run_id          TEXT    NOT NULL PRIMARY KEY,
    suite           TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('running', 'complete', 'incomplete')),
    started_ms      BIGINT  NOT NULL,
    finished_ms     BIGINT,
    elapsed_ms      BIGINT,
    suite_file      TEXT,
    dataset_file    TEXT,
    dataset_sha256  TEXT,
    scorers_json    TEXT    NOT NULL,
    slices_json     TEXT    NOT NULL,
    repeat_count    INTEGER NOT NULL,
    seed            BIGINT  NOT NULL,
    selection       TEXT,
    price_table     TEXT,
    tool_version    TEXT,
    git_commit      TEXT,
    git_branch      TEXT,
    git_dirty       BOOLEAN,
    config_snapshot TEXT,
    derived_from    TEXT
);
CREATE INDEX runs_by_suite ON runs (suite, started_ms);
CREATE INDEX runs_by_started ON runs (started_ms);

CREATE TABLE run_targets (
    run_id    TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    target_id TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    model     TEXT,
    price     TEXT,
    spec      TEXT,
    PRIMARY KEY (run_id, target_id)
);
CREATE INDEX run_targets_by_target ON run_targets (target_id);

-- One row per target x case x repeat; the primary key makes a re-written sample a no-op.
CREATE TABLE case_results (
    run_id        TEXT             NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    target_id     TEXT             NOT NULL,
    case_id       TEXT             NOT NULL,
    repeat_no     INTEGER          NOT NULL,
    outcome       TEXT             NOT NULL CHECK (outcome IN ('PASS', 'FAIL', 'ERROR')),
    score         DOUBLE PRECISION NOT NULL,
    output        TEXT,
    raw_output    TEXT,
    scores_json   TEXT             NOT NULL,
    latency_ms    DOUBLE PRECISION,
    input_tokens  BIGINT,
    output_tokens BIGINT,
    cost_usd      DOUBLE PRECISION,
    attempts      INTEGER          NOT NULL,
    error_kind    TEXT,
    error_message TEXT,
    cached        BOOLEAN          NOT NULL DEFAULT FALSE,
    input         TEXT,
    expected_json TEXT,
    tags_json     TEXT,
    PRIMARY KEY (run_id, target_id, case_id, repeat_no)
);

CREATE TABLE run_metrics (
    run_id       TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    target_id    TEXT NOT NULL,
    metrics_json TEXT NOT NULL,
    PRIMARY KEY (run_id, target_id)
);

-- Replies of earlier live calls, keyed by the SHA-256 of target spec + rendered request + repeat index.
CREATE TABLE response_cache (
    cache_key     TEXT   NOT NULL PRIMARY KEY,
    suite         TEXT   NOT NULL,
    output        TEXT,
    input_tokens  BIGINT,
    output_tokens BIGINT,
    created_ms    BIGINT NOT NULL
);
