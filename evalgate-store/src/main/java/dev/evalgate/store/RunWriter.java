package dev.evalgate.store;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.ResultSink;
import dev.evalgate.run.RunResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The sink that writes one run's case results into the store as they complete.
 *
 * <p>Results queue up and one writer thread commits them in small batches — at the latest {@value #MAX_DELAY_MS} ms
 * after the first of a batch arrived, or once {@value #MAX_ROWS} samples wait — so a crash loses only what was in
 * flight. The queue is bounded: a store slower than the run holds the run back rather than filling memory.
 */
public final class RunWriter implements ResultSink {

    static final int MAX_ROWS = 500;
    static final long MAX_DELAY_MS = 200;
    private static final int QUEUE_CAPACITY = 4_096;

    private sealed interface Entry { }
    private record Item(CaseResult result) implements Entry { }
    private record Barrier(CompletableFuture<Void> done, boolean last) implements Entry { }

    private final Database db;
    private final String runId;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile Exception failure;
    private volatile boolean closed;

    RunWriter(Database db, String runId) {
        this.db = db;
        this.runId = runId;
        this.thread = Thread.ofPlatform().name("evalgate-store-" + runId).daemon().start(this::loop);
    }

    public String runId() {
        return runId;
    }

    /** Queues a case's samples for the next batch; blocks while the queue is full. */
    @Override
    public void accept(CaseResult result) {
        if (closed) {
            throw new IllegalStateException("run " + runId + " was closed; its writer takes no more results");
        }
        checkHealthy();
        put(new Item(result));
    }

    /** Returns once every result accepted before the call is committed. */
    public synchronized void flush() {
        if (!closed) {
            await(barrier(false));
        }
        checkHealthy();
    }

    /** Flushes, then stores each target's metrics and marks the run complete or incomplete. */
    public synchronized void finish(RunResult result) {
        flush();
        try (Connection c = db.writeConnection()) {
            Database.transaction(c, tx -> RunRows.finish(tx, runId, result, Instant.now()));
        } catch (SQLException e) {
            throw db.failure("store the metrics of run " + runId, e);
        }
    }

    /** Flushes and stops the writer; a run not {@link #finish finished} stays 'running', its rows kept. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        await(barrier(true));
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkHealthy();
    }

    private void loop() {
        List<CaseResult> batch = new ArrayList<>();
        try (Connection c = db.writeConnection(); SampleRows rows = new SampleRows(c, runId)) {
            int pending = 0;
            long deadline = 0;
            while (true) {
                Entry entry = batch.isEmpty() ? queue.take()
                        : queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (entry instanceof Item(CaseResult result)) {
                    if (batch.isEmpty()) {
                        deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MS);
                    }
                    batch.add(result);
                    pending += result.samples().size();
                }
                if (entry == null || entry instanceof Barrier || pending >= MAX_ROWS) {
                    write(c, rows, batch);
                    pending = 0;
                }
                if (entry instanceof Barrier(CompletableFuture<Void> done, boolean last)) {
                    done.complete(null);
                    if (last) {
                        return;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
        } finally {
            drainAfterFailure();
        }
    }

    private void write(Connection c, SampleRows rows, List<CaseResult> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Database.transaction(c, tx -> rows.insert(batch));
        batch.clear();
    }

    // Once the writer stopped, callers waiting on a barrier must not hang, and later results are not written.
    private void drainAfterFailure() {
        Entry entry;
        while ((entry = queue.poll()) != null) {
            if (entry instanceof Barrier(CompletableFuture<Void> done, boolean last)) {
                done.complete(null);
            }
        }
    }

    private CompletableFuture<Void> barrier(boolean last) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!thread.isAlive()) {
            done.complete(null);
            return done;
        }
        put(new Barrier(done, last));
        return done;
    }

    private void put(Entry entry) {
        try {
            while (!queue.offer(entry, 100, TimeUnit.MILLISECONDS)) {
                checkHealthy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while queueing results of run " + runId + " for the store", e);
        }
    }

    private void await(CompletableFuture<Void> done) {
        try {
            while (!done.isDone()) {
                try {
                    done.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (!thread.isAlive()) {
                        drainAfterFailure();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new StoreException("store writer of run " + runId + " failed", e.getCause());
        }
    }

    private void checkHealthy() {
        Exception e = failure;
        if (e != null) {
            throw db.failure("write the results of run " + runId, e);
        }
    }
}
