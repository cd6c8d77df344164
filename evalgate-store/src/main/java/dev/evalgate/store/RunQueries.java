package dev.evalgate.store;

import dev.evalgate.run.HarnessOverhead;
import dev.evalgate.run.RunInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queries behind the store's run listing, run lookup and resume keys.
 */
final class RunQueries {

    static final String LAST = "last";
    private static final String RUN_COLUMNS = """
            r.run_id, r.suite, r.status, r.started_ms, r.finished_ms, r.elapsed_ms, r.suite_file, r.dataset_file,
            r.dataset_sha256, r.scorers_json, r.slices_json, r.repeat_count, r.seed, r.selection, r.price_table,
            r.tool_version, r.git_commit, r.git_branch, r.git_dirty, r.config_snapshot, r.harness_p50_ms,
            r.harness_p95_ms, r.harness_calls, r.harness_path""";

    private RunQueries() {
    }

    static List<RunSummary> runs(Connection c, RunFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM runs r WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (filter.suite() != null) {
            sql.append(" AND r.suite = ?");
            args.add(filter.suite());
        }
        if (filter.branch() != null) {
            sql.append(" AND r.git_branch = ?");
            args.add(filter.branch());
        }
        if (filter.target() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM run_targets t WHERE t.run_id = r.run_id AND t.target_id = ?)");
            args.add(filter.target());
        }
        sql.append(" ORDER BY r.started_ms DESC, r.run_id DESC LIMIT ").append(filter.limit());
        List<RunSummary> summaries = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                query.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    summaries.add(summary(rs, targetIds(targets(c, rs.getString("run_id")))));
                }
            }
        }
        return summaries;
    }

    static Optional<StoredRun> run(Connection c, String runIdOrLast) throws SQLException {
        String sql = LAST.equals(runIdOrLast)
                ? "SELECT " + RUN_COLUMNS + " FROM runs r ORDER BY r.started_ms DESC, r.run_id DESC LIMIT 1"
                : "SELECT " + RUN_COLUMNS + " FROM runs r WHERE r.run_id = ?";
        try (PreparedStatement query = c.prepareStatement(sql)) {
            if (!LAST.equals(runIdOrLast)) {
                query.setString(1, runIdOrLast);
            }
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String runId = rs.getString("run_id");
                List<RunInfo.TargetInfo> targets = targets(c, runId);
                RunInfo info = new RunInfo(runId, rs.getString("suite"), rs.getString("suite_file"),
                        rs.getString("dataset_file"), rs.getString("dataset_sha256"), targets,
                        StoreJson.readStrings(rs.getString("scorers_json")),
                        StoreJson.readStrings(rs.getString("slices_json")), rs.getInt("repeat_count"),
                        rs.getLong("seed"), rs.getString("selection"), rs.getString("price_table"),
                        rs.getString("tool_version"));
                return Optional.of(new StoredRun(summary(rs, targetIds(targets)), info,
                        rs.getString("config_snapshot"), metrics(c, runId), harness(rs)));
            }
        }
    }

    private static HarnessOverhead harness(ResultSet rs) throws SQLException {
        String path = rs.getString("harness_path");
        if (path == null) {
            return null;
        }
        return new HarnessOverhead(rs.getDouble("harness_p50_ms"), rs.getDouble("harness_p95_ms"),
                rs.getInt("harness_calls"), path);
    }

    /** Keys of the cases whose every repeat is stored for every target that has them, see {@link Store#caseKey}. */
    static Set<String> finishedKeys(Connection c, String runId) throws SQLException {
        String sql = """
                SELECT cr.target_id, cr.case_id FROM case_results cr JOIN runs r ON r.run_id = cr.run_id
                WHERE cr.run_id = ? GROUP BY cr.target_id, cr.case_id, r.repeat_count
                HAVING COUNT(*) >= r.repeat_count""";
        Set<String> keys = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, runId);
            query.setFetchSize(1_000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    keys.add(Store.caseKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }

    private static RunSummary summary(ResultSet rs, List<String> targets) throws SQLException {
        long finished = rs.getLong("finished_ms");
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        long elapsed = rs.getLong("elapsed_ms");
        Duration elapsedTime = rs.wasNull() ? null : Duration.ofMillis(elapsed);
        boolean dirty = rs.getBoolean("git_dirty");
        GitInfo git = new GitInfo(rs.getString("git_commit"), rs.getString("git_branch"), rs.wasNull() ? null : dirty);
        return new RunSummary(rs.getString("run_id"), rs.getString("suite"), RunStatus.ofColumn(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("started_ms")), finishedAt, elapsedTime, targets, git,
                rs.getString("tool_version"));
    }

    private static List<RunInfo.TargetInfo> targets(Connection c, String runId) throws SQLException {
        List<RunInfo.TargetInfo> targets = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT target_id, type, model, price, spec FROM run_targets WHERE run_id = ? ORDER BY position")) {
            query.setString(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    targets.add(new RunInfo.TargetInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return targets;
    }

    private static List<String> targetIds(List<RunInfo.TargetInfo> targets) {
        return targets.stream().map(RunInfo.TargetInfo::id).toList();
    }

    private static Map<String, String> metrics(Connection c, String runId) throws SQLException {
        Map<String, String> metrics = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement("""
                SELECT m.target_id, m.metrics_json FROM run_metrics m
                LEFT JOIN run_targets t ON t.run_id = m.run_id AND t.target_id = m.target_id
                WHERE m.run_id = ? ORDER BY t.position, m.target_id""")) {
            query.setString(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    metrics.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return metrics;
    }
}
