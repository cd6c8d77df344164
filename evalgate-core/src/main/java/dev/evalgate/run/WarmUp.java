package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Runs the first cases through every target before the measured run and throws the results away.
 *
 * <p>The first calls of a run pay for things no later call pays for: opening connections, loading classes, the
 * JIT compiling the client. Discarding them keeps that out of the latency figures (eval-statistics §4.3:
 * "warm-up discarded"). Warm-up calls are real calls: a hosted model charges for them.
 */
final class WarmUp {

    /** At most this many distinct cases are held for the warm-up; more warm-up calls cycle through them. */
    private static final int CASES_HELD = 256;

    private WarmUp() {
    }

    /** Makes {@code calls} billed calls per target, on the threads the measured run uses for {@code inFlight} calls. */
    static void run(List<CaseExecutor> executors, Dataset dataset, int calls, CancelToken cancel, int inFlight)
            throws InterruptedException {
        if (calls <= 0 || executors.isEmpty()) {
            return;
        }
        List<Case> cases = new ArrayList<>();
        try (CaseReader reader = dataset.open()) {
            while (reader.hasNext() && cases.size() < Math.min(calls, CASES_HELD)) {
                cases.add(reader.next());
            }
        }
        if (cases.isEmpty()) {
            return;
        }
        try (ExecutorService pool = CallThreads.forCalls(inFlight)) {
            for (int i = 0; i < calls && !cancel.cancelled(); i++) {
                Case kase = cases.get(i % cases.size());
                for (CaseExecutor executor : executors) {
                    pool.execute(() -> {
                        try {
                            executor.execute(kase);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
        }
    }
}
