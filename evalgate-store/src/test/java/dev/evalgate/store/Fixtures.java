package dev.evalgate.store;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.run.CallError;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Score;
import dev.evalgate.target.TokenUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs, case results and metrics built the way the runner builds them, for store tests. */
final class Fixtures {

    private Fixtures() {
    }

    static RunInfo info(String runId, String suite, int repeat, String... targets) {
        List<RunInfo.TargetInfo> infos = new ArrayList<>();
        for (String target : targets) {
            infos.add(new RunInfo.TargetInfo(target, "openai", "gpt-test", "gpt-test@2026-11",
                    "{\"id\":\"" + target + "\",\"api_key\":\"***\"}"));
        }
        return new RunInfo(runId, suite, "suites/" + suite + ".yaml", "data/cases.jsonl", "ab".repeat(32), infos,
                List.of("equals(normalize=[trim])"), List.of("channel"), repeat, 7, "all", "prices-2026-11",
                "0.1.0-test");
    }

    /**
     * The result of one target on one case over {@code repeat} repeats: case ids ending in an even number
     * pass, others fail, ids starting with "err" error; every third case has an unknown cost and no usage.
     */
    static CaseResult result(String target, String caseId, int repeat) {
        Case kase = new Case(caseId, Map.of("input", "input of " + caseId), Expected.anyOf(List.of("yes", "y")),
                Map.of("channel", caseId.length() % 2 == 0 ? "email" : "chat"), null, "cases.jsonl:1");
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            samples.add(sample(caseId, r));
        }
        return CaseResult.of(target, kase, samples);
    }

    static Sample sample(String caseId, int r) {
        if (caseId.startsWith("err")) {
            return new Sample(r, null, null, dev.evalgate.score.Outcome.ERROR, 0, List.of(), 30_000, null, null, 3,
                    new CallError("http_429", "rate limited after 3 attempts"));
        }
        boolean pass = Character.getNumericValue(caseId.charAt(caseId.length() - 1)) % 2 == 0;
        Score score = pass ? Score.pass("equals", "matched \"yes\"")
                : Score.fail("equals", "expected \"yes\" but got \"no\"");
        boolean unknownCost = caseId.hashCode() % 3 == 0;
        return new Sample(r, " " + (pass ? "yes" : "no") + " ", pass ? "yes" : "no", score.outcome(), score.value(),
                List.of(score), 100.5 + r, unknownCost ? null : new TokenUsage(12, 3), unknownCost ? null : 0.00042,
                1, null);
    }

    static RunResult finished(RunInfo info, List<CaseResult> results, boolean complete) {
        List<TargetMetrics> metrics = new ArrayList<>();
        for (RunInfo.TargetInfo target : info.targets()) {
            TargetMetricsCollector collector = new TargetMetricsCollector(target.id(), info.slices(), false);
            results.stream().filter(r -> r.target().equals(target.id())).forEach(collector::add);
            metrics.add(collector.finish(Duration.ZERO));
        }
        return new RunResult(info, Instant.now(), Duration.ofMillis(1234), complete, metrics, Map.of());
    }
}
