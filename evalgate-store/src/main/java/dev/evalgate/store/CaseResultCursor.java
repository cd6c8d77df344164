package dev.evalgate.store;

import dev.evalgate.run.CallError;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.target.TokenUsage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's stored samples read row by row with a fetch size, so a run of any size streams in bounded memory.
 */
final class CaseResultCursor extends Spliterators.AbstractSpliterator<StoredCaseResult> {

    private static final int FETCH_SIZE = 500;
    /** The columns {@link #read} reads, for other queries over {@code case_results}. */
    static final String COLUMNS = """
            target_id, case_id, repeat_no, outcome, score, output, raw_output, scores_json, latency_ms,
                input_tokens, output_tokens, cost_usd, attempts, error_kind, error_message, cached, input,
                expected_json, tags_json""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM case_results WHERE run_id = ? ORDER BY ";
    // SQLite compares text bytewise; PostgreSQL by the database's locale unless told "C", which is bytewise too.
    private static final String SQLITE_ORDER = "target_id, case_id, repeat_no";
    private static final String POSTGRES_ORDER = "target_id COLLATE \"C\", case_id COLLATE \"C\", repeat_no";

    private final Database db;
    private final ResultSet rows;

    private CaseResultCursor(Database db, ResultSet rows) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.db = db;
        this.rows = rows;
    }

    /** The stream of the run's samples; closing it closes the connection it reads from. */
    static Stream<StoredCaseResult> open(Database db, String runId) {
        Connection c = null;
        try {
            c = db.readConnection();
            PreparedStatement query = c.prepareStatement(SELECT
                    + " " + (db.vendor() == Database.Vendor.POSTGRES ? POSTGRES_ORDER : SQLITE_ORDER));
            query.setFetchSize(FETCH_SIZE);
            query.setString(1, runId);
            ResultSet rows = query.executeQuery();
            Connection connection = c;
            return StreamSupport.stream(new CaseResultCursor(db, rows), false).onClose(() -> close(db, connection));
        } catch (SQLException e) {
            close(db, c);
            throw db.failure("read the case results of run " + runId, e);
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super StoredCaseResult> action) {
        try {
            if (!rows.next()) {
                return false;
            }
            action.accept(read(rows));
            return true;
        } catch (SQLException e) {
            throw db.failure("read case results", e);
        }
    }

    /** The sample at the result set's current row, selected with {@link #COLUMNS}. */
    static StoredCaseResult read(ResultSet rs) throws SQLException {
        long input = rs.getLong("input_tokens");
        boolean noInput = rs.wasNull();
        long output = rs.getLong("output_tokens");
        TokenUsage usage = noInput && rs.wasNull() ? null : new TokenUsage(input, output);
        double cost = rs.getDouble("cost_usd");
        Double costUsd = rs.wasNull() ? null : cost;
        String errorKind = rs.getString("error_kind");
        CallError error = errorKind == null ? null : new CallError(errorKind, rs.getString("error_message"));
        double latency = rs.getDouble("latency_ms");
        if (rs.wasNull()) {
            latency = Double.NaN;
        }
        Sample sample = new Sample(rs.getInt("repeat_no"), rs.getString("raw_output"), rs.getString("output"),
                Outcome.valueOf(rs.getString("outcome")), rs.getDouble("score"),
                StoreJson.readScores(rs.getString("scores_json")), latency, usage, costUsd,
                rs.getInt("attempts"), error, rs.getBoolean("cached"));
        return new StoredCaseResult(rs.getString("target_id"), rs.getString("case_id"), rs.getString("input"),
                StoreJson.readStrings(rs.getString("expected_json")), StoreJson.readTags(rs.getString("tags_json")),
                sample, rs.getBoolean("cached"));
    }

    private static void close(Database db, Connection c) {
        if (c == null) {
            return;
        }
        try (c) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            throw db.failure("close a case-result stream", e);
        }
    }
}
