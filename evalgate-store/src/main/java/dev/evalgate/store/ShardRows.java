package dev.evalgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The statements behind sharded runs: a shard's row as it begins and ends, and the run's shard count. */
final class ShardRows {

    /** A shard row as stored. */
    record Row(String status, int attempts) {
    }

    private ShardRows() {
    }

    static void setCount(Connection c, String runId, int count) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE runs SET shard_count = ? WHERE run_id = ?")) {
            update.setInt(1, count);
            update.setString(2, runId);
            update.executeUpdate();
        }
    }

    /** The run's shard count: empty for no such run, null inside for a run not split into shards. */
    static Optional<Integer> count(Connection c, String runId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT shard_count FROM runs WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int count = rs.getInt(1);
                return Optional.of(rs.wasNull() ? 0 : count);
            }
        }
    }

    /** Inserts the shard's row as running; returns false, writing nothing, when the shard already has a row. */
    static boolean begin(Connection c, String runId, int index, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO run_shards (run_id, shard_index, status, started_ms, attempts) VALUES (?, ?, 'running', ?, 1)
                ON CONFLICT (run_id, shard_index) DO NOTHING""")) {
            insert.setString(1, runId);
            insert.setInt(2, index);
            insert.setLong(3, now.toEpochMilli());
            return insert.executeUpdate() == 1;
        }
    }

    static Row row(Connection c, String runId, int index) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT status, attempts FROM run_shards WHERE run_id = ? AND shard_index = ?")) {
            query.setString(1, runId);
            query.setInt(2, index);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getInt(2)) : null;
            }
        }
    }

    /** Marks a shard that began before as running again, and its run with it, for {@code --resume}. */
    static void reopen(Connection c, String runId, int index) throws SQLException {
        try (PreparedStatement shard = c.prepareStatement("""
                UPDATE run_shards SET status = 'running', finished_ms = NULL, attempts = attempts + 1
                WHERE run_id = ? AND shard_index = ?""")) {
            shard.setString(1, runId);
            shard.setInt(2, index);
            shard.executeUpdate();
        }
        RunRows.reopen(c, runId);
    }

    /**
     * Takes the run's row lock, so that shards ending at once are counted one after the other and exactly one of
     * them sees the last shard finish. SQLite's transactions here are serial already.
     */
    static void lockRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE runs SET status = status WHERE run_id = ?")) {
            lock.setString(1, runId);
            lock.executeUpdate();
        }
    }

    static void end(Connection c, String runId, int index, boolean complete, Instant now, Duration elapsed)
            throws SQLException {
        try (PreparedStatement end = c.prepareStatement("""
                UPDATE run_shards SET status = ?, finished_ms = ?, elapsed_ms = ? WHERE run_id = ? AND shard_index = ?""")) {
            end.setString(1, complete ? "complete" : "incomplete");
            end.setLong(2, now.toEpochMilli());
            if (elapsed == null) {
                end.setNull(3, Types.BIGINT);
            } else {
                end.setLong(3, elapsed.toMillis());
            }
            end.setString(4, runId);
            end.setInt(5, index);
            end.executeUpdate();
        }
    }

    /** The run's shard progress, or empty for a run not split into shards (or no such run). */
    static Optional<ShardProgress> progress(Connection c, String runId) throws SQLException {
        int count = count(c, runId).orElse(0);
        if (count == 0) {
            return Optional.empty();
        }
        Set<Integer> complete = new HashSet<>();
        Set<Integer> begun = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT shard_index, status FROM run_shards WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    begun.add(rs.getInt(1));
                    if ("complete".equals(rs.getString(2))) {
                        complete.add(rs.getInt(1));
                    }
                }
            }
        }
        return Optional.of(new ShardProgress(runId, count, complete, begun));
    }
}
