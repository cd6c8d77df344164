package dev.evalgate.server;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.run.CallError;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.RunWriter;
import dev.evalgate.store.Store;
import dev.evalgate.target.TokenUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs written through {@link RunWriter} the way {@code evalgate run} writes them, with numbers a test can
 * predict: case {@code i} of a target answers in {@code 10 + i} ms, costs $0.001, and passes when
 * {@link Plan#passes} says so; a failing case with an id divisible by 50 errors instead of failing.
 */
final class SyntheticRuns {

    /** Which cases pass: target index, case index → pass. */
    interface Plan {
        boolean passes(int target, int i);
    }

    static final List<String> TARGETS = List.of("mini", "keywords");

    private SyntheticRuns() {
    }

    static String caseId(int i) {
        return String.format("case-%06d", i);
    }

    static void write(Store store, String suite, String runId, int cases, GitInfo git, Plan plan) {
        write(store, suite, runId, cases, git, plan, i -> "answer " + i);
    }

    static void write(Store store, String suite, String runId, int cases, GitInfo git, Plan plan,
                      java.util.function.IntFunction<String> wrongOutput) {
        write(store, suite, runId, cases, git, plan, wrongOutput, "suite: " + suite);
    }

    /** A run whose stored config snapshot is {@code snapshot}, as {@code evalgate run} stores the suite file. */
    static void withConfig(Store store, String suite, String runId, int cases, String snapshot, Plan plan) {
        write(store, suite, runId, cases, GitInfo.unknown(), plan, i -> "answer " + i, snapshot);
    }

    private static void write(Store store, String suite, String runId, int cases, GitInfo git, Plan plan,
                              java.util.function.IntFunction<String> wrongOutput, String snapshot) {
        List<RunInfo.TargetInfo> infos = new ArrayList<>();
        for (String target : TARGETS) {
            infos.add(new RunInfo.TargetInfo(target, "command", null, "per_request 0.001", "{\"id\":\"" + target + "\"}"));
        }
        RunInfo info = new RunInfo(runId, suite, "evalgate.yaml", "cases.jsonl", "ab".repeat(32), infos,
                List.of("equals"), List.of(), 1, 1, "all", "test-prices", "0.1.0-test");
        List<TargetMetricsCollector> metrics = new ArrayList<>();
        try (RunWriter writer = store.begin(info, snapshot, git)) {
            for (int t = 0; t < TARGETS.size(); t++) {
                TargetMetricsCollector collector = new TargetMetricsCollector(TARGETS.get(t), List.of(), false);
                for (int i = 0; i < cases; i++) {
                    CaseResult result = result(TARGETS.get(t), i, plan.passes(t, i), wrongOutput.apply(i));
                    writer.accept(result);
                    collector.add(result);
                }
                metrics.add(collector);
            }
            writer.finish(new RunResult(info, Instant.now(), Duration.ofSeconds(1), true,
                    metrics.stream().map(m -> m.finish(Duration.ofSeconds(1))).toList(), Map.of()));
        }
    }

    private static CaseResult result(String target, int i, boolean pass, String wrongOutput) {
        String id = caseId(i);
        Case kase = new Case(id, Map.of("input", "question " + i), Expected.text("right " + i), Map.of(), null, id);
        Sample sample;
        if (!pass && i % 50 == 0) {
            sample = new Sample(0, null, null, Outcome.ERROR, 0, List.of(), 10 + i, null, 0.001, 3,
                    new CallError("http_503", "service unavailable after 3 attempts"));
        } else {
            String output = pass ? "right " + i : wrongOutput;
            Score score = pass ? Score.pass("equals", "matched") : Score.fail("equals", "expected \"right " + i
                    + "\" but got \"" + output + "\"");
            sample = new Sample(0, output, output, score.outcome(), score.value(), List.of(score), 10 + i,
                    new TokenUsage(20, 5), 0.001, 1, null);
        }
        return CaseResult.of(target, kase, List.of(sample));
    }
}
