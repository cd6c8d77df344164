package dev.evalgate.server;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Score;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.RunWriter;
import dev.evalgate.store.Store;
import dev.evalgate.target.TokenUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs scored by a {@code judge} scorer, as {@code evalgate run} stores them: case {@code i} of target
 * {@value #TARGET} answers {@code "answer i"}; the judge passes every case but each third, and errors on case 1.
 */
final class JudgedRuns {

    static final String TARGET = "bot";

    private JudgedRuns() {
    }

    static String caseId(int i) {
        return String.format("q%03d", i);
    }

    /** Judge verdict of case {@code i}: true pass, false fail, null a judge error. */
    static Boolean judged(int i) {
        return i == 1 ? null : i % 3 != 0;
    }

    /** Writes run {@code runId} of {@code cases} cases whose suite file was {@code suiteFile} (may be null). */
    static void write(Store store, String runId, String suiteFile, int cases) {
        RunInfo info = new RunInfo(runId, "answers", suiteFile, "cases.jsonl", "cd".repeat(32),
                List.of(new RunInfo.TargetInfo(TARGET, "command", null, "per_request 0.001", "{\"id\":\"bot\"}")),
                List.of("judge{judge=grader, mode=reference}"), List.of(), 1, 1, "all", "test-prices", "0.1.0-test");
        TargetMetricsCollector metrics = new TargetMetricsCollector(TARGET, List.of(), false);
        try (RunWriter writer = store.begin(info, "suite: answers", GitInfo.unknown())) {
            for (int i = 0; i < cases; i++) {
                String id = caseId(i);
                Case kase = new Case(id, Map.of("input", "question " + i), Expected.text("reference " + i), Map.of(),
                        null, id);
                Boolean verdict = judged(i);
                Score score = verdict == null ? Score.error("judge", "judge error: the reply was not a verdict")
                        : verdict ? Score.pass("judge", "says the same as the reference")
                        : Score.fail("judge", "contradicts the reference");
                String output = "answer " + i;
                Sample sample = new Sample(0, output, output, score.outcome(), score.value(), List.of(score), 20 + i,
                        new TokenUsage(20, 5), 0.001, 1, null);
                CaseResult result = CaseResult.of(TARGET, kase, List.of(sample));
                writer.accept(result);
                metrics.add(result);
            }
            writer.finish(new RunResult(info, Instant.now(), Duration.ofSeconds(1), true,
                    List.of(metrics.finish(Duration.ofSeconds(1))), Map.of()));
        }
    }
}
