package dev.evalgate.targets.command;

import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pool of long-running worker processes speaking JSON lines; each call borrows one worker, so calls to one
 * process never overlap.
 */
final class CommandTarget implements Target {

    private final WorkerCommand command;
    private final List<Worker> workers = new ArrayList<>();
    private final BlockingQueue<Worker> idle;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean cacheable;

    CommandTarget(WorkerCommand command, int workerCount, boolean cacheable) {
        this.command = command;
        this.cacheable = cacheable;
        this.idle = new ArrayBlockingQueue<>(workerCount);
        for (int i = 0; i < workerCount; i++) {
            Worker worker = new Worker(command);
            workers.add(worker);
            idle.add(worker);
        }
    }

    @Override
    public int maxConcurrency() {
        return workers.size();
    }

    /**
     * Starts every worker at once and sends each the probe, returning when all have answered (or failed): the
     * protocol has no "ready" line, so an answer is the only sign that a worker has loaded. Without a probe the
     * processes are only started.
     */
    @Override
    public void prepare(Request probe) throws InterruptedException {
        String line = probe == null ? null : WorkerProtocol.requestLine(probe);
        String caseId = probe == null ? null : probe.kase().id();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Worker worker : workers) {
                pool.execute(() -> {
                    try {
                        worker.prepare(line, caseId);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }

    /** Only when the suite says so ({@code cache: true}): the worker's code can change under the same settings. */
    /** Worker processes on this machine: warming the harness on the suite's first cases is free. */
    @Override
    public boolean freeToCall() {
        return true;
    }

    @Override
    public boolean cacheable() {
        return cacheable;
    }

    @Override
    public Reply call(Request request) throws InterruptedException {
        if (closed.get()) {
            throw TargetException.fatal("closed", "target '" + command.targetId() + "' was already closed");
        }
        String line = WorkerProtocol.requestLine(request);
        Worker worker = idle.take();
        try {
            return WorkerProtocol.parse(worker.exchange(line, request.kase().id()), command);
        } finally {
            idle.add(worker);
        }
    }

    /** Stops every worker: all are asked to end at once, then each gets a short grace period. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            workers.forEach(Worker::beginShutdown);
            workers.forEach(Worker::stop);
        }
    }
}
