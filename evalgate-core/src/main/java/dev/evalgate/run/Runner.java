package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.judge.JudgeScorer;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.score.Outcome;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.ResilientCaller;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams cases from the dataset through every target to the sinks and the metrics, on virtual threads.
 *
 * <p>At most the sum of the targets' concurrency limits of (case, target) tasks exist at once, so memory stays
 * bounded however many cases the dataset has: results leave through the sink and only metric accumulators and the
 * first few failures stay. Cases are offered to all targets in the same order, interleaved, so latency is compared
 * under the same conditions.
 */
public final class Runner {

    /** Failures kept per target for the summary; the full list is in the results file. */
    public static final int FAILURES_KEPT = 20;

    private final Suite suite;
    private final Dataset dataset;
    private final RunInfo info;
    private final ResponseCache cache;
    private final java.util.function.BiPredicate<String, String> finished;
    private final boolean warmHarness;
    private final java.util.function.Consumer<WarmedHarness> onWarmed;

    public Runner(Suite suite, Dataset dataset, RunInfo info) {
        this(suite, dataset, info, ResponseCache.NONE);
    }

    /** A runner that answers from {@code cache} when it can and keeps every live answer in it. */
    public Runner(Suite suite, Dataset dataset, RunInfo info, ResponseCache cache) {
        this(suite, dataset, info, cache, (target, caseId) -> false);
    }

    /**
     * A runner that skips the (target, case id) pairs {@code finished} says are done, for resuming a stopped run.
     */
    public Runner(Suite suite, Dataset dataset, RunInfo info, ResponseCache cache,
                  java.util.function.BiPredicate<String, String> finished) {
        this(suite, dataset, info, cache, finished, suite.run().warmHarness(), warmed -> {
        });
    }

    private Runner(Suite suite, Dataset dataset, RunInfo info, ResponseCache cache,
                   java.util.function.BiPredicate<String, String> finished, boolean warmHarness,
                   java.util.function.Consumer<WarmedHarness> onWarmed) {
        this.suite = suite;
        this.dataset = dataset;
        this.info = info;
        this.cache = cache;
        this.finished = finished;
        this.warmHarness = warmHarness;
        this.onWarmed = onWarmed;
    }

    /**
     * This runner, warming the harness before the measured run when {@code on} (see {@link HarnessWarmUp}) and
     * telling {@code onWarmed} what it did, before the first measured call.
     */
    public Runner warmingHarness(boolean on, java.util.function.Consumer<WarmedHarness> onWarmed) {
        return new Runner(suite, dataset, info, cache, finished, on, onWarmed);
    }

    /**
     * Checks the JVM settings a run reads (the {@code evalgate.call-threads} property), so a mistake is reported
     * before a store or a worker is opened for the run.
     *
     * @throws dev.evalgate.error.ConfigException naming the setting and its choices
     */
    public static void checkSettings() {
        CallThreads.check();
    }

    public RunResult run(ResultSink sink, CancelToken cancel) throws InterruptedException {
        List<TargetConfig> targets = suite.targets();
        List<CaseExecutor> executors = new ArrayList<>();
        List<CaseExecutor> warmUps = new ArrayList<>();
        Map<String, TargetMetricsCollector> collectors = new LinkedHashMap<>();
        Map<String, List<CaseResult>> failures = new LinkedHashMap<>();
        int permits = 0;
        // judges keep their votes in the run's cache; warm-up outputs are thrown away, so no judge grades them
        List<ConfiguredScorer> scorers = JudgeScorer.withCache(suite.scorers(), cache);
        List<ConfiguredScorer> warmUpScorers = JudgeScorer.withoutCalls(suite.scorers());
        for (TargetConfig t : targets) {
            ResilientCaller caller = new ResilientCaller(t.target(), t.policy());
            executors.add(new CaseExecutor(t, caller, scorers, suite.vars(), suite.run().repeat(), cache,
                    suite.tools()));
            // warm-up calls must be live and must not fill the cache, or the measured run would skip them
            warmUps.add(new CaseExecutor(t, caller, warmUpScorers, suite.vars(), 1, ResponseCache.NONE,
                    suite.tools()));
            collectors.put(t.id(), new TargetMetricsCollector(t.id(), suite.slices(), suite.classification()));
            failures.put(t.id(), new ArrayList<>());
            permits += t.policy().concurrency();
        }
        Preparation.run(warmUps, dataset, cancel);
        prepareJudges();
        HarnessOverhead harness = null;
        if (warmHarness && !cancel.cancelled()) {
            ResultSink rehearsal = sink.rehearsal();
            WarmedHarness warmed;
            try {
                warmed = HarnessWarmUp.run(suite, warmUps, dataset, cancel, rehearsal, permits);
            } finally {
                if (rehearsal != null) {
                    rehearsal.close();
                }
            }
            harness = warmed.overhead();
            onWarmed.accept(warmed);
        }
        WarmUp.run(warmUps, dataset, suite.run().warmup(), cancel, permits);
        Preparation.connect(executors, dataset, cancel);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Semaphore inFlight = new Semaphore(permits);
        AtomicReference<Throwable> crash = new AtomicReference<>();
        boolean complete = true;
        RuntimeException dataError = null;
        try (ExecutorService pool = CallThreads.forCalls(permits);
             CaseReader reader = dataset.open()) {
            while (true) {
                if (cancel.cancelled() || crash.get() != null) {
                    complete = false;
                    break;
                }
                Case kase;
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    kase = reader.next();
                } catch (RuntimeException e) {
                    dataError = e;
                    complete = false;
                    break;
                }
                for (CaseExecutor executor : executors) {
                    if (finished.test(executor.targetId(), kase.id())) {
                        continue;
                    }
                    inFlight.acquire();
                    pool.execute(() -> {
                        try {
                            CaseResult result = executor.execute(kase);
                            collectors.get(result.target()).add(result);
                            keepFailure(failures.get(result.target()), result);
                            sink.accept(result);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Throwable e) {
                            crash.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            inFlight.acquire(permits);
            inFlight.release(permits);
        }
        if (crash.get() != null) {
            throw new IllegalStateException("the run stopped on an internal error: " + crash.get(), crash.get());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        List<TargetMetrics> metrics = new ArrayList<>();
        collectors.values().forEach(c -> metrics.add(c.finish(elapsed)));
        RunResult result = new RunResult(info, started, elapsed, complete,
                dev.evalgate.judge.JudgedRates.apply(metrics, suite.scorers()), failures, harness);
        if (dataError != null) {
            throw new StoppedRunException(result, dataError);
        }
        return result;
    }

    /**
     * Starts every judge (a worker pool, say) before timing begins, so its start-up is not counted as the first
     * judgment's latency. A failure is left for the judge calls to report.
     */
    private void prepareJudges() throws InterruptedException {
        for (var judge : suite.judges().callable().values()) {
            try {
                judge.target().target().prepare(null);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // not fatal: each judgment meets the same problem and records it as a judge error
            }
        }
    }

    private static void keepFailure(List<CaseResult> kept, CaseResult result) {
        if (result.outcome() == Outcome.PASS) {
            return;
        }
        synchronized (kept) {
            if (kept.size() < FAILURES_KEPT) {
                kept.add(result);
            }
        }
    }

    /** The dataset failed part-way; carries what finished so front-ends can still save it. */
    public static final class StoppedRunException extends RuntimeException {
        private final transient RunResult partial;

        StoppedRunException(RunResult partial, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.partial = partial;
        }

        public RunResult partial() {
            return partial;
        }
    }
}
