package dev.evalgate.store;

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

    // PostgreSQL fetches this many rows per round trip (SQLite steps row by row whatever it is); 2,000 rows of a
    // few hundred bytes each keep the round trips few and the memory small.
    private static final int FETCH_SIZE = 2_000;
    private static final String FROM = " FROM case_results WHERE run_id = ? ORDER BY ";
    // SQLite compares text bytewise; PostgreSQL by the database's locale unless told "C", which is bytewise too.
    private static final String SQLITE_ORDER = "target_id, case_id, repeat_no";
    private static final String POSTGRES_ORDER = "target_id COLLATE \"C\", case_id COLLATE \"C\", repeat_no";

    private final Database db;
    private final ResultSet rows;
    private final SampleReader reader;

    private CaseResultCursor(Database db, ResultSet rows, SampleReader reader) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.db = db;
        this.rows = rows;
        this.reader = reader;
    }

    /** The stream of the run's samples, read as {@code detail} says; closing it closes its connection. */
    static Stream<StoredCaseResult> open(Database db, String runId, SampleReader.Detail detail) {
        Connection c = null;
        try {
            c = db.readConnection();
            PreparedStatement query = c.prepareStatement("SELECT " + SampleReader.columns(detail) + FROM
                    + (db.vendor() == Database.Vendor.POSTGRES ? POSTGRES_ORDER : SQLITE_ORDER));
            query.setFetchSize(FETCH_SIZE);
            query.setString(1, runId);
            ResultSet rows = query.executeQuery();
            Connection connection = c;
            return StreamSupport.stream(new CaseResultCursor(db, rows, new SampleReader(detail)), false)
                    .onClose(() -> close(db, connection));
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
            action.accept(reader.read(rows));
            return true;
        } catch (SQLException e) {
            throw db.failure("read case results", e);
        }
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
