package dev.evalgate.cli;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Runner;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A stored run's case results folded back into {@link CaseResult}s, and its metrics computed from all of them: a
 * resumed run's summary covers the cases of every session, not only the last.
 */
final class StoredResults {

    private StoredResults() {
    }

    /** Streams the run's case results, one per target and case, to {@code each}. */
    static void forEach(Store store, String runId, Consumer<CaseResult> each) {
        forEach(store, runId, id -> true, each);
    }

    /** Streams the case results of the cases whose id {@code cases} accepts, one per target and case. */
    static void forEach(Store store, String runId, Predicate<String> cases, Consumer<CaseResult> each) {
        try (Stream<StoredCaseResult> rows = store.caseResults(runId).filter(row -> cases.test(row.caseId()))) {
            List<StoredCaseResult> group = new ArrayList<>();
            rows.forEach(row -> {
                if (!group.isEmpty() && !(group.getFirst().target().equals(row.target())
                        && group.getFirst().caseId().equals(row.caseId()))) {
                    each.accept(fold(group));
                    group.clear();
                }
                group.add(row);
            });
            if (!group.isEmpty()) {
                each.accept(fold(group));
            }
        }
    }

    private static CaseResult fold(List<StoredCaseResult> rows) {
        StoredCaseResult first = rows.getFirst();
        Expected expected = first.expected().isEmpty() ? Expected.none()
                : first.expected().size() == 1 ? Expected.text(first.expected().getFirst())
                : Expected.anyOf(first.expected());
        Case kase = new Case(first.caseId(), Map.of("input", first.input() == null ? "" : first.input()), expected,
                first.tags(), null, first.caseId());
        List<Sample> samples = rows.stream().map(StoredCaseResult::sample).toList();
        return CaseResult.of(first.target(), kase, samples);
    }

    /** The run's result recomputed from everything stored for it. */
    static RunResult recompute(Store store, RunInfo info, List<String> slices, boolean classification,
                               Instant started, Duration elapsed, boolean complete) {
        return recompute(store, info, slices, classification, started, elapsed, complete, id -> true);
    }

    /** The result of the stored cases whose id {@code cases} accepts: one shard's, or every shard's. */
    static RunResult recompute(Store store, RunInfo info, List<String> slices, boolean classification,
                               Instant started, Duration elapsed, boolean complete, Predicate<String> cases) {
        Map<String, TargetMetricsCollector> collectors = new LinkedHashMap<>();
        Map<String, List<CaseResult>> failures = new LinkedHashMap<>();
        for (RunInfo.TargetInfo t : info.targets()) {
            collectors.put(t.id(), new TargetMetricsCollector(t.id(), slices, classification));
            failures.put(t.id(), new ArrayList<>());
        }
        forEach(store, info.runId(), cases, result -> {
            TargetMetricsCollector collector = collectors.get(result.target());
            if (collector == null) {
                return;
            }
            collector.add(result);
            List<CaseResult> kept = failures.get(result.target());
            if (result.outcome() != Outcome.PASS && kept.size() < Runner.FAILURES_KEPT) {
                kept.add(result);
            }
        });
        List<TargetMetrics> metrics = collectors.values().stream().map(c -> c.finish(elapsed)).toList();
        return new RunResult(info, started, elapsed, complete, metrics, failures);
    }
}
