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
 * Gets every target ready before the measured run, all at once: worker processes start and load while no clock
 * runs, so the first calls are timed like every other (a JVM worker's start-up once took 2.6 s of the first call).
 */
final class Preparation {

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

    /** The first case, the probe a target may send; null when the dataset has none or cannot be read here. */
    private static Case first(Dataset dataset) {
        try (CaseReader reader = dataset.open()) {
            return reader.hasNext() ? reader.next() : null;
        } catch (RuntimeException e) {
            return null; // the measured run reads the dataset again and stops on the same error with its context
        }
    }
}
