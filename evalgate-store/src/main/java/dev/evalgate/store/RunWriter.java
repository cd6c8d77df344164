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
import java.util.concurrent.locks.LockSupport;

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
    /** How often a filling batch looks at the queue. */
    static final long TICK_MS = 20;
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

    /**
     * Waits for a batch's first entry, then lets the batch fill for up to {@value #MAX_DELAY_MS} ms, looking at the
     * queue every {@value #TICK_MS} ms; a barrier or a full batch wakes it at once ({@link #put}). Woken per batch
     * rather than per result: a hand-off to this thread for each of 5,000 results a second cost two context
     * switches apiece, about a fifth of an HTTP case's CPU on a 2-core machine (docs/benchmarks.md).
     */
    private void loop() {
        List<CaseResult> batch = new ArrayList<>();
        List<Entry> drained = new ArrayList<>();
        List<Barrier> barriers = new ArrayList<>();
        try (Connection c = db.writeConnection(); SampleRows rows = new SampleRows(c, runId)) {
            while (true) {
                drained.add(queue.take());
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MS);
                int pending = 0;
                while (true) {
                    queue.drainTo(drained);
                    for (Entry entry : drained) {
                        if (entry instanceof Item(CaseResult result)) {
                            batch.add(result);
                            pending += result.samples().size();
                        } else if (entry instanceof Barrier barrier) {
                            barriers.add(barrier);
                        }
                    }
                    drained.clear();
                    long left = deadline - System.nanoTime();
                    if (!barriers.isEmpty() || pending >= MAX_ROWS || left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(TICK_MS)));
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                write(c, rows, batch);
                boolean last = false;
                for (Barrier barrier : barriers) {
                    barrier.done().complete(null);
                    last |= barrier.last();
                }
                barriers.clear();
                if (last) {
                    return;
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
        } finally {
            // a caller waits on each barrier taken: after a failure it learns of it from checkHealthy
            barriers.forEach(b -> b.done().complete(null));
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

    /** Queues an entry; a barrier, or a queue holding a full batch, wakes the writer at once. */
    private void put(Entry entry) {
        try {
            while (!queue.offer(entry, 100, TimeUnit.MILLISECONDS)) {
                checkHealthy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while queueing results of run " + runId + " for the store", e);
        }
        if (entry instanceof Barrier || queue.size() >= MAX_ROWS) {
            LockSupport.unpark(thread);
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
