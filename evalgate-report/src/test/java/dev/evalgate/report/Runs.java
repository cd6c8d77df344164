package dev.evalgate.report;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.run.CallError;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.target.TokenUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built samples, case results and run results for report tests. */
final class Runs {

    private Runs() {
    }

    static RunInfo info(String suite, String... targets) {
        List<RunInfo.TargetInfo> infos = new ArrayList<>();
        for (String t : targets) {
            infos.add(new RunInfo.TargetInfo(t, "fake", "m", "table", "{}"));
        }
        return new RunInfo("run-1", suite, "suite.yaml", "cases.jsonl", "abc", infos, List.of("equals"), List.of(),
                1, 1, "all", "2025-01", "0.1.0");
    }

    static Sample pass(String output, double latencyMs) {
        return new Sample(0, output, output, Outcome.PASS, 1, List.of(Score.pass("equals", "matched")), latencyMs,
                new TokenUsage(10, 2), 0.001, 1, null);
    }

    static Sample fail(String output, String reason, double latencyMs) {
        return new Sample(0, output, output, Outcome.FAIL, 0,
                List.of(Score.fail("equals", reason), Score.pass("json-valid", "parsed")), latencyMs,
                new TokenUsage(10, 2), 0.001, 1, null);
    }

    static Sample error(String kind, String message) {
        return new Sample(0, null, null, Outcome.ERROR, 0, List.of(), 30_000, null, null, 3,
                new CallError(kind, message));
    }

    static Sample cached(String output) {
        return new Sample(0, output, output, Outcome.PASS, 1, List.of(Score.pass("equals", "matched")), Double.NaN,
                new TokenUsage(10, 2), 0.001, 1, null, true);
    }

    static CaseResult result(String target, String id, String expected, Sample... samples) {
        return CaseResult.of(target, Case.of(id, "input of " + id, Expected.text(expected)), List.of(samples));
    }

    /** The run's metrics and first failures (in order, per target) over {@code results}. */
    static RunResult run(RunInfo info, boolean complete, boolean classification, List<CaseResult> results) {
        Map<String, TargetMetricsCollector> collectors = new LinkedHashMap<>();
        Map<String, List<CaseResult>> failures = new LinkedHashMap<>();
        for (RunInfo.TargetInfo t : info.targets()) {
            collectors.put(t.id(), new TargetMetricsCollector(t.id(), List.of(), classification));
            failures.put(t.id(), new ArrayList<>());
        }
        for (CaseResult r : results) {
            collectors.get(r.target()).add(r);
            if (r.outcome() != Outcome.PASS) {
                failures.get(r.target()).add(r);
            }
        }
        Duration elapsed = Duration.ofMillis(2_500);
        List<TargetMetrics> metrics = collectors.values().stream().map(c -> c.finish(elapsed)).toList();
        return new RunResult(info, Instant.parse("2025-01-01T00:00:00Z"), elapsed, complete, metrics, failures);
    }
}
