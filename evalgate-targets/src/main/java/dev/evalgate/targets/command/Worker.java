package dev.evalgate.targets.command;

import dev.evalgate.error.TargetException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-running worker process, started on first use and restarted after it dies.
 *
 * <p>Used by one caller at a time. Answers are matched to requests by order: when a caller gives up (the run's
 * timeout interrupts it), its request stays owed, and the next caller skips that late answer before reading its
 * own, so a slow answer never lands on the wrong case. A worker that owes two answers at once is taken as hung
 * and restarted.
 */
final class Worker {

    private static final Optional<String> EOF = Optional.empty();
    private static final int HUNG_AFTER_OWED = 2;

    private final WorkerCommand command;
    private Process process;
    private BufferedWriter stdin;
    private BlockingQueue<Optional<String>> stdout;
    private StderrTail stderr;
    private long startedNanos;
    private boolean answered;
    private int owed;
    private boolean shutDown;
    private TargetException startupFailure;

    Worker(WorkerCommand command) {
        this.command = command;
    }

    /**
     * Starts the process and, given a probe line, waits for its answer (then thrown away), so that loading is done
     * before the first timed call. A worker that does not answer within the start-up timeout keeps that error for
     * its first call, which reports it instead of waiting the whole timeout a second time.
     */
    void prepare(String probeLine, String caseId) throws InterruptedException {
        try {
            ensureRunning();
            if (probeLine != null) {
                exchange(probeLine, caseId);
            }
        } catch (TargetException e) {
            if ("worker_startup".equals(e.kind()) || "worker_start".equals(e.kind())) {
                startupFailure = e;
            }
        }
    }

    /** Writes one request line and returns the worker's answer line to it. */
    String exchange(String requestLine, String caseId) throws InterruptedException {
        TargetException failedToStart = startupFailure;
        if (failedToStart != null) {
            startupFailure = null; // reported once; the next call starts the worker again
            throw failedToStart;
        }
        ensureRunning();
        owed++;
        try {
            stdin.write(requestLine);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw died(caseId);
        }
        while (true) {
            Optional<String> line = answered ? stdout.take() : awaitFirstAnswer();
            if (line == null) {
                String tail = stderr.describe();
                stop();
                throw TargetException.fatal("worker_startup", "worker " + command.shown() + " gave no answer within"
                        + " startup_timeout (" + shown(command.startupTimeout()) + ") of starting. Raise "
                        + "'startup_timeout' of target '" + command.targetId() + "' if it loads slowly." + tail);
            }
            if (line.isEmpty()) {
                throw died(caseId);
            }
            answered = true;
            if (--owed == 0) {
                return line.get();
            }
            // Otherwise this is the late answer to a request whose caller timed out: skip it.
        }
    }

    private static String shown(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Starts the process if it never ran, has died, or hangs (owes answers it has not given). */
    private synchronized void ensureRunning() {
        if (process == null || !process.isAlive() || answered && owed >= HUNG_AFTER_OWED) {
            stop();
            start();
        }
    }

    private Optional<String> awaitFirstAnswer() throws InterruptedException {
        long left = command.startupTimeout().toNanos() - (System.nanoTime() - startedNanos);
        return stdout.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
    }

    private synchronized void start() {
        if (shutDown) {
            throw TargetException.fatal("closed", "target '" + command.targetId() + "' was already closed");
        }
        Process started;
        try {
            started = command.processBuilder().start();
        } catch (IOException e) {
            throw TargetException.fatal("worker_start", "cannot start worker " + command.shown() + ": "
                    + e.getMessage() + ". Check 'command' (and 'cwd') of target '" + command.targetId() + "'.");
        }
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("evalgate-worker-stdout").start(() -> pump(started.getInputStream(), lines));
        process = started;
        stdin = new BufferedWriter(new OutputStreamWriter(started.getOutputStream(), StandardCharsets.UTF_8));
        stdout = lines;
        stderr = StderrTail.follow(started.getErrorStream());
        startedNanos = System.nanoTime();
        answered = false;
        owed = 0;
    }

    private static void pump(InputStream in, BlockingQueue<Optional<String>> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // The pipe broke: the same as the end of the stream.
        } finally {
            lines.add(EOF);
        }
    }

    /** The worker ended its output: collect its exit code and last stderr lines, and forget it. */
    private TargetException died(String caseId) throws InterruptedException {
        Process dead = process;
        if (dead == null) {
            return TargetException.retriable("worker_died", "worker " + command.shown()
                    + " was stopped while answering case " + caseId);
        }
        String exit = dead.waitFor(2, TimeUnit.SECONDS) ? "exited with code " + dead.exitValue()
                : "closed its output but kept running (so it was stopped)";
        stderr.awaitEnd();
        String tail = stderr.describe();
        stop();
        return TargetException.retriable("worker_died", "worker " + command.shown() + " " + exit
                + " while answering case " + caseId + "; it is restarted for the next call." + tail);
    }

    /** Asks the process to end (closes stdin, then destroys it) without waiting; it is never started again. */
    synchronized void beginShutdown() {
        shutDown = true;
        beginStop();
    }

    private synchronized void beginStop() {
        if (process == null) {
            return;
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone.
        }
        process.destroy();
    }

    /** Stops the process: closes stdin, destroys it, waits briefly, then kills it. Safe to call twice. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        beginStop();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
