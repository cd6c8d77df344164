package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.judge.JudgeScorer;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.Rehearsal;
import dev.evalgate.target.ResilientCaller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Warms evalgate's own code before the measured run without a billed call: each HTTP target's rehearsal copy
 * calls an in-process loopback stand-in, and targets that are free to call answer the suite's first cases. Both go
 * through the same caller, prompt rendering, agent loop, scorers and pricing as the measured run; results are thrown
 * away. In a suite with tools the stand-in plays a tool-calling model (see {@link ConversationRehearsal}).
 *
 * <p>The first calls of a JVM are slow for the JIT's sake, not the target's; a run of a few hundred cases would
 * otherwise report the harness's warm-up as the target's p95.
 */
final class HarnessWarmUp {

    /** Wall time spent calling; the batch that measures the overhead follows, all of it done by TOTAL_NANOS. */
    static final long CALLING_NANOS = 1_000_000_000L;
    static final long TOTAL_NANOS = 1_500_000_000L;
    static final int MEASURED_CALLS = 60;
    /** The first calls of the batch are dropped; at least MIN_MEASURED more are made even on a slow machine. */
    static final int MEASURE_SKIPPED = 10;
    static final int MIN_MEASURED = 20;
    private static final int CASES_HELD = 64;
    private static final int LOOPS_PER_TARGET = 32;
    private static final int CALLS_PER_TARGET = 20_000;

    private HarnessWarmUp() {
    }

    /**
     * Warms the harness for the suite's targets, then measures its overhead; {@code ownCases} holds each target's
     * executor for live calls, in suite order, used only for targets that are free to call. Each result then goes
     * where a measured one goes, to a metrics collector and to {@code sink} (the run's sinks' rehearsal, or null),
     * both of which keep nothing. {@code inFlight} is the measured run's most calls at once: the warm-up's calls run on
     * the same kind of threads ({@link CallThreads}).
     */
    static WarmedHarness run(Suite suite, List<CaseExecutor> ownCases, Dataset dataset, CancelToken cancel,
                             ResultSink sink, int inFlight) throws InterruptedException {
        long start = System.nanoTime();
        List<Case> cases = firstCases(dataset);
        if (cases.isEmpty() || suite.targets().isEmpty() || cancel.cancelled()) {
            return new WarmedHarness(0, 0, Duration.ofNanos(System.nanoTime() - start), null);
        }
        List<CaseExecutor> rehearsals = new ArrayList<>();
        List<CaseExecutor> free = new ArrayList<>();
        try (StandInServer server = StandInServer.start()) {
            List<TargetConfig> targets = suite.targets();
            for (int i = 0; i < targets.size(); i++) {
                TargetConfig t = targets.get(i);
                Optional<Rehearsal> rehearsal = ConversationRehearsal.of(t.target(), server.uri(i), suite.tools(),
                        server);
                if (rehearsal.isPresent()) {
                    server.reply(i, rehearsal.get().reply());
                    // no retries: a failing stand-in call is thrown away like every other, not waited for
                    ResilientCaller caller = new ResilientCaller(rehearsal.get().target(),
                            t.policy().withRetries(0, t.policy().backoffBase()));
                    rehearsals.add(new CaseExecutor(t, caller,
                            JudgeScorer.withoutCalls(suite.scorers()), suite.vars(), 1,
                            ResponseCache.NONE, suite.tools())); // a stand-in's answers are never worth a judge call
                } else if (t.target().freeToCall()) {
                    free.add(ownCases.get(i));
                }
            }
            long deadline = start + CALLING_NANOS;
            AtomicInteger standInCalls = new AtomicInteger();
            AtomicInteger ownCaseCalls = new AtomicInteger();
            Consumer<CaseResult> after = afterEachCase(suite, sink);
            try (ExecutorService pool = CallThreads.forCalls(inFlight)) {
                rehearsals.forEach(e -> loops(pool, e, cases, deadline, cancel, standInCalls, after));
                free.forEach(e -> loops(pool, e, cases, deadline, cancel, ownCaseCalls, after));
            }
            HarnessOverhead overhead = rehearsals.isEmpty()
                    ? OverheadProbe.inProcess(suite.targets().getFirst(), cases.getFirst(), start + TOTAL_NANOS, cancel)
                    : OverheadProbe.loopback(rehearsals.getFirst(), cases, start + TOTAL_NANOS, cancel);
            settleHeap();
            return new WarmedHarness(standInCalls.get(), ownCaseCalls.get(),
                    Duration.ofNanos(System.nanoTime() - start), overhead);
        } finally {
            rehearsals.forEach(e -> e.caller().close());
        }
    }

    /**
     * Collects the garbage start-up and the warm-up left, so the JVM's first collection is not one of the measured
     * run's. That first one copies all that start-up left alive and paused a busy 2-core machine for 70-150 ms, in
     * which every call in flight waited and reported the pause as the target's latency; later ones take 2-3 ms.
     */
    private static void settleHeap() {
        System.gc();
    }

    /** What the measured run does with each result, done on throwaway collectors and the sink's rehearsal. */
    private static Consumer<CaseResult> afterEachCase(Suite suite, ResultSink sink) {
        TargetMetricsCollector metrics = new TargetMetricsCollector("warm-up", suite.slices(),
                suite.classification());
        return result -> {
            metrics.add(result);
            if (sink != null) {
                sink.accept(result);
            }
        };
    }

    /** The model calls behind a result: one per sample, or each call of a conversation. */
    private static int modelCalls(CaseResult result) {
        return result.samples().stream().mapToInt(s -> s.exchange() == null ? 1 : s.exchange().calls().size()).sum();
    }

    private static void loops(ExecutorService pool, CaseExecutor executor, List<Case> cases, long deadline,
                              CancelToken cancel, AtomicInteger calls, Consumer<CaseResult> after) {
        int loops = Math.min(LOOPS_PER_TARGET, Math.max(1, executor.concurrency()));
        AtomicInteger next = new AtomicInteger();
        for (int loop = 0; loop < loops; loop++) {
            pool.execute(() -> {
                try {
                    while (System.nanoTime() < deadline && !cancel.cancelled()) {
                        int n = next.getAndIncrement();
                        if (n >= CALLS_PER_TARGET) {
                            return;
                        }
                        CaseResult result = executor.execute(cases.get(n % cases.size()));
                        calls.addAndGet(modelCalls(result));
                        after.accept(result);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // a warm-up call that breaks is thrown away; the measured run reports the same problem
                }
            });
        }
    }

    private static List<Case> firstCases(Dataset dataset) {
        List<Case> cases = new ArrayList<>();
        try (CaseReader reader = dataset.open()) {
            while (reader.hasNext() && cases.size() < CASES_HELD) {
                cases.add(reader.next());
            }
        } catch (RuntimeException e) {
            // the measured run reads the dataset again and stops on the same error, with its context
        }
        return cases;
    }
}
