package dev.evalgate.store;

import dev.evalgate.run.ResponseCache;
import dev.evalgate.target.Reply;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.tools.ExchangeJson;
import dev.evalgate.tools.ToolJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response cache kept in the store, shared by every run against it.
 *
 * <p>Look-ups use one connection with a prepared statement. New replies are written in batches of
 * {@value #BATCH} and on {@link #close()}: a cache row is a convenience, so a crash may lose the last few, never a
 * result. A new reply replaces the one stored under the same key, which is how {@code --no-cache} refreshes.
 *
 * <p>A hundred concurrent calls look up and add replies at once, so the look-up, the pending list and the writing
 * each have a lock of their own, and a batch is written outside the lock that {@link #put} takes: no call waits on
 * a write, and waiting threads park rather than spin (they did on one monitor, about a seventh of a run's CPU).
 */
public final class StoreResponseCache implements ResponseCache, AutoCloseable {

    static final int BATCH = 200;
    private static final String SELECT = "SELECT output, input_tokens, output_tokens, tool_calls_json FROM response_cache"
            + " WHERE cache_key = ?";
    private static final String INSERT = "INSERT INTO response_cache (cache_key, suite, output, input_tokens,"
            + " output_tokens, created_ms, tool_calls_json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cache_key)"
            + " DO UPDATE SET suite = excluded.suite, output = excluded.output, input_tokens = excluded.input_tokens,"
            + " output_tokens = excluded.output_tokens, created_ms = excluded.created_ms,"
            + " tool_calls_json = excluded.tool_calls_json";

    private record Pending(String key, Reply reply) {
    }

    private final Database db;
    private final String suite;
    private final ReentrantLock reading = new ReentrantLock();
    private final ReentrantLock adding = new ReentrantLock();
    private final ReentrantLock writing = new ReentrantLock();
    private List<Pending> pending = new ArrayList<>();
    private Connection reader;
    private PreparedStatement select;

    StoreResponseCache(Database db, String suite) {
        this.db = db;
        this.suite = suite;
    }

    @Override
    public Optional<Reply> get(String key) {
        reading.lock();
        try {
            if (reader == null) {
                reader = db.writeConnection();
                select = reader.prepareStatement(SELECT);
            }
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long in = rs.getLong("input_tokens");
                boolean noUsage = rs.wasNull();
                long out = rs.getLong("output_tokens");
                String calls = rs.getString("tool_calls_json");
                return Optional.of(new Reply(rs.getString("output"), noUsage ? null : new TokenUsage(in, out),
                        calls == null ? List.of() : ExchangeJson.readCalls(ToolJson.MAPPER.readTree(calls))));
            }
        } catch (SQLException e) {
            throw db.failure("read the response cache", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty(); // a damaged entry is a miss: the call is simply made again
        } finally {
            reading.unlock();
        }
    }

    @Override
    public void put(String key, Reply reply) {
        List<Pending> full = null;
        adding.lock();
        try {
            pending.add(new Pending(key, reply));
            if (pending.size() >= BATCH) {
                full = taken();
            }
        } finally {
            adding.unlock();
        }
        if (full != null) {
            write(full);
        }
    }

    /** Writes the replies not yet written, in one transaction. */
    public void flush() {
        adding.lock();
        List<Pending> batch;
        try {
            batch = taken();
        } finally {
            adding.unlock();
        }
        write(batch);
    }

    /** The pending replies, leaving none; the caller holds {@code adding}. */
    private List<Pending> taken() {
        List<Pending> batch = pending;
        pending = new ArrayList<>();
        return batch;
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        writing.lock();
        try (Connection c = db.writeConnection()) {
            Database.transaction(c, conn -> {
                try (PreparedStatement insert = conn.prepareStatement(INSERT)) {
                    long now = System.currentTimeMillis();
                    for (Pending p : batch) {
                        insert.setString(1, p.key());
                        insert.setString(2, suite);
                        insert.setString(3, p.reply().text());
                        TokenUsage usage = p.reply().usage();
                        if (usage == null) {
                            insert.setNull(4, Types.BIGINT);
                            insert.setNull(5, Types.BIGINT);
                        } else {
                            insert.setLong(4, usage.input());
                            insert.setLong(5, usage.output());
                        }
                        insert.setLong(6, now);
                        List<dev.evalgate.tools.ToolCall> calls = p.reply().toolCalls();
                        insert.setString(7, calls.isEmpty() ? null : ExchangeJson.calls(calls).toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw db.failure("write the response cache", e);
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            reading.lock();
            try {
                if (reader != null) {
                    reader.close();
                }
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
            reader = null;
            reading.unlock();
        }
    }
}
