package dev.evalgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read-only queries behind the dashboard: the suites, a suite's recent runs, and a page of a run's failures.
 *
 * <p>Failures are paged in SQL ({@code LIMIT}/{@code OFFSET} over the partial index of samples that did not pass)
 * so a page costs the same whether the run has a hundred cases or a hundred thousand.
 */
final class DashboardQueries {

    private static final String SUITES = """
            SELECT r.suite, COUNT(*), MAX(r.started_ms),
                (SELECT l.run_id FROM runs l WHERE l.suite = r.suite ORDER BY l.started_ms DESC, l.run_id DESC LIMIT 1)
            FROM runs r GROUP BY r.suite ORDER BY r.suite""";
    private static final String RECENT = """
            SELECT run_id FROM runs WHERE suite = ? ORDER BY started_ms DESC, run_id DESC LIMIT ?""";
    // The text is searched where a user would recognise it; score reasons live in JSON and are left out.
    private static final String[] SEARCHED = {"case_id", "input", "expected_json", "output", "error_message"};

    private DashboardQueries() {
    }

    static List<SuiteSummary> suites(Connection c) throws SQLException {
        List<SuiteSummary> suites = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(SUITES); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                suites.add(new SuiteSummary(rs.getString(1), rs.getLong(2), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(3))));
            }
        }
        return suites;
    }

    /** The suite's newest {@code limit} runs, oldest first. */
    static List<StoredRun> recent(Connection c, String suite, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(RECENT)) {
            query.setString(1, suite);
            query.setInt(2, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        List<StoredRun> runs = new ArrayList<>();
        for (String id : ids.reversed()) {
            RunQueries.run(c, id).ifPresent(runs::add);
        }
        return runs;
    }

    static FailurePage failures(Connection c, String runId, FailureFilter filter) throws SQLException {
        List<String> args = new ArrayList<>();
        String where = where(runId, filter, args);
        long total;
        try (PreparedStatement count = prepare(c, "SELECT COUNT(*) FROM case_results WHERE " + where, args);
             ResultSet rs = count.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        }
        List<StoredCaseResult> rows = new ArrayList<>();
        if (filter.offset() < total) {
            String sql = "SELECT " + SampleReader.columns(SampleReader.Detail.FULL) + " FROM case_results WHERE "
                    + where
                    + " ORDER BY target_id, case_id, repeat_no LIMIT " + filter.limit() + " OFFSET " + filter.offset();
            SampleReader reader = new SampleReader(SampleReader.Detail.FULL);
            try (PreparedStatement page = prepare(c, sql, args); ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
        }
        return new FailurePage(total, rows);
    }

    // "outcome <> 'PASS'" is written exactly as in the partial index, so both vendors see the index applies.
    private static String where(String runId, FailureFilter filter, List<String> args) {
        StringBuilder where = new StringBuilder("run_id = ? AND outcome <> 'PASS'");
        args.add(runId);
        if (filter.target() != null) {
            where.append(" AND target_id = ?");
            args.add(filter.target());
        }
        if (filter.text() != null) {
            String pattern = "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%";
            List<String> terms = new ArrayList<>();
            for (String column : SEARCHED) {
                terms.add("LOWER(COALESCE(" + column + ", '')) LIKE ? ESCAPE '!'");
                args.add(pattern);
            }
            where.append(" AND (").append(String.join(" OR ", terms)).append(')');
        }
        return where.toString();
    }

    /** The text with LIKE's wildcards taken literally, using {@code !} as the escape character. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static PreparedStatement prepare(Connection c, String sql, List<String> args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            statement.setString(i + 1, args.get(i));
        }
        return statement;
    }
}
