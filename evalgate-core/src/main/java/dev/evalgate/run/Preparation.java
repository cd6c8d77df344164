package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gets every target ready before the measured run, all at once, while no clock runs, so the first calls are timed
 * like every other: worker processes start and load before the warm-ups (a JVM worker's start-up once took 2.6 s of
 * the first call), and connections open right before the measured run (a server's accepting a new connection put
 * 2-5 ms on each first call).
 */
final class Preparation {

    /** The longest the measured run waits for its targets' connections to open. */
    private static final long CONNECT_WAIT_NANOS = 2_000_000_000L;

    private Preparation() {
    }

    static void run(List<CaseExecutor> executors, Dataset dataset, CancelToken cancel) throws InterruptedException {
        if (executors.isEmpty() || cancel.cancelled()) {
            return;
        }
        Case first = first(dataset);
        List<Future<?>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CaseExecutor executor : executors) {
                pending.add(pool.submit(() -> {
                    executor.prepare(first);
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // prepare reports nothing itself; the measured calls record what is wrong
                }
            }
        }
    }

    /**
     * Has every target open its connections, all at once, right before the measured run (after the warm-ups, so
     * they are fresh). Waits at most {@link #CONNECT_WAIT_NANOS}: an endpoint that does not answer is left to the
     * calls, which report it, and a connection opened later still joins its pool.
     */
    static void connect(List<CaseExecutor> executors, Dataset dataset, CancelToken cancel)
            throws InterruptedException {
        if (executors.isEmpty() || cancel.cancelled()) {
            return;
        }
        Case first = first(dataset);
        List<Thread> openers = new ArrayList<>();
        for (CaseExecutor executor : executors) {
            openers.add(Thread.ofVirtual().name("evalgate-connect").start(() -> {
                try {
                    executor.connect(first);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long deadline = System.nanoTime() + CONNECT_WAIT_NANOS;
        for (Thread opener : openers) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !opener.join(java.time.Duration.ofNanos(left))) {
                return;
            }
        }
    }

    /** The first case, the probe a target may send; null when the dataset has none or cannot be read here. */
    private static Case first(Dataset dataset) {
        try (CaseReader reader = dataset.open()) {
            return reader.hasNext() ? reader.next() : null;
        } catch (RuntimeException e) {
            return null; // the measured run reads the dataset again and stops on the same error with its context
        }
    }
}
