package dev.evalgate.store;

import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.run.HarnessOverhead;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * The statements that write a run's own rows: its provenance when it begins, its metrics and status when it ends.
 */
final class RunRows {

    private static final String INSERT_RUN = """
            INSERT INTO runs (run_id, suite, status, started_ms, suite_file, dataset_file, dataset_sha256,
                scorers_json, slices_json, repeat_count, seed, selection, price_table, tool_version,
                git_commit, git_branch, git_dirty, config_snapshot, derived_from)
            VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_TARGET = """
            INSERT INTO run_targets (run_id, target_id, position, type, model, price, spec)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPSERT_METRICS = """
            INSERT INTO run_metrics (run_id, target_id, metrics_json) VALUES (?, ?, ?)
            ON CONFLICT (run_id, target_id) DO UPDATE SET metrics_json = excluded.metrics_json""";
    private static final String FINISH = """
            UPDATE runs SET status = ?, finished_ms = ?, elapsed_ms = ?, harness_p50_ms = ?, harness_p95_ms = ?,
                   harness_calls = ?, harness_path = ? WHERE run_id = ?""";
    private static final String REOPEN = "UPDATE runs SET status = 'running', finished_ms = NULL WHERE run_id = ?";

    private RunRows() {
    }

    static void insert(Connection c, RunInfo info, String configSnapshot, GitInfo git, Instant started,
                       String derivedFrom)
            throws SQLException {
        insert(c, info, configSnapshot, git, started, derivedFrom, false);
    }

    /**
     * Inserts the run unless a run with its id exists (then nothing is written); returns whether it was inserted.
     * On PostgreSQL a second process inserting the same id waits for the first to commit, then writes nothing, so
     * any number of shards may create one run at once.
     */
    static boolean insertIfAbsent(Connection c, RunInfo info, String configSnapshot, GitInfo git, Instant started)
            throws SQLException {
        return insert(c, info, configSnapshot, git, started, null, true);
    }

    private static boolean insert(Connection c, RunInfo info, String configSnapshot, GitInfo git, Instant started,
                                  String derivedFrom, boolean ifAbsent)
            throws SQLException {
        try (PreparedStatement run = c.prepareStatement(ifAbsent ? INSERT_RUN + " ON CONFLICT (run_id) DO NOTHING"
                : INSERT_RUN)) {
            int i = 1;
            run.setString(i++, info.runId());
            run.setString(i++, info.suite());
            run.setLong(i++, started.toEpochMilli());
            run.setString(i++, info.suiteFile());
            run.setString(i++, info.datasetFile());
            run.setString(i++, info.datasetSha256());
            run.setString(i++, StoreJson.write(nullToEmpty(info.scorers())));
            run.setString(i++, StoreJson.write(nullToEmpty(info.slices())));
            run.setInt(i++, info.repeat());
            run.setLong(i++, info.seed());
            run.setString(i++, info.selection());
            run.setString(i++, info.priceTable());
            run.setString(i++, info.toolVersion());
            run.setString(i++, git.commit());
            run.setString(i++, git.branch());
            if (git.dirty() == null) {
                run.setNull(i++, Types.BOOLEAN);
            } else {
                run.setBoolean(i++, git.dirty());
            }
            run.setString(i++, configSnapshot);
            run.setString(i, derivedFrom);
            if (run.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement target = c.prepareStatement(INSERT_TARGET)) {
            List<RunInfo.TargetInfo> targets = nullToEmpty(info.targets());
            for (int p = 0; p < targets.size(); p++) {
                RunInfo.TargetInfo t = targets.get(p);
                target.setString(1, info.runId());
                target.setString(2, t.id());
                target.setInt(3, p);
                target.setString(4, t.type());
                target.setString(5, t.model());
                target.setString(6, t.price());
                target.setString(7, t.spec());
                target.addBatch();
            }
            target.executeBatch();
        }
        return true;
    }

    /** Marks a stored run as running again, for a resumed run; returns false when no such run exists. */
    static boolean reopen(Connection c, String runId) throws SQLException {
        try (PreparedStatement reopen = c.prepareStatement(REOPEN)) {
            reopen.setString(1, runId);
            return reopen.executeUpdate() == 1;
        }
    }

    static void finish(Connection c, String runId, RunResult result, Instant finished) throws SQLException {
        try (PreparedStatement metrics = c.prepareStatement(UPSERT_METRICS)) {
            for (TargetMetrics m : nullToEmpty(result.metrics())) {
                metrics.setString(1, runId);
                metrics.setString(2, m.targetId());
                metrics.setString(3, StoreJson.metrics(m));
                metrics.addBatch();
            }
            metrics.executeBatch();
        }
        try (PreparedStatement finish = c.prepareStatement(FINISH)) {
            finish.setString(1, result.complete() ? "complete" : "incomplete");
            finish.setLong(2, finished.toEpochMilli());
            if (result.elapsed() == null) {
                finish.setNull(3, Types.BIGINT);
            } else {
                finish.setLong(3, result.elapsed().toMillis());
            }
            HarnessOverhead harness = result.harness();
            if (harness == null) {
                finish.setNull(4, Types.DOUBLE);
                finish.setNull(5, Types.DOUBLE);
                finish.setNull(6, Types.INTEGER);
                finish.setNull(7, Types.VARCHAR);
            } else {
                finish.setDouble(4, harness.p50Ms());
                finish.setDouble(5, harness.p95Ms());
                finish.setInt(6, harness.calls());
                finish.setString(7, harness.path());
            }
            finish.setString(8, runId);
            finish.executeUpdate();
        }
        JudgeRows.finish(c, runId, result);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
