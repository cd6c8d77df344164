package dev.evalgate.browser;

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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A free-text run scored by a {@code judge} scorer, written into a store the way {@code evalgate run} stores it:
 * the judge passes case {@code i} unless {@code i} is divisible by three.
 */
final class JudgedRun {

    static final String TARGET = "writer";

    private JudgedRun() {
    }

    static String caseId(int i) {
        return String.format("faq-%02d", i);
    }

    static String input(int i) {
        return "How do I reset my password? (variant " + i + ")";
    }

    static String output(int i) {
        return i % 3 == 0 ? "Passwords cannot be reset; please create a new account instead."
                : "Open Settings → Security, choose \"Reset password\" and follow the email link (" + i + ").";
    }

    /** Writes run {@code runId} of {@code cases} cases of the suite file {@code suiteFile} into {@code store}. */
    static void write(Store store, String runId, Path suiteFile, int cases) {
        write(store, runId, suiteFile, cases, null);
    }

    /**
     * Like {@link #write(Store, String, Path, int)}, but with {@code markup} as the case id, input, expected answer,
     * output and judge reason of every case, when not null.
     */
    static void write(Store store, String runId, Path suiteFile, int cases, String markup) {
        RunInfo info = new RunInfo(runId, "support-answers", suiteFile.toString(), "cases.jsonl", "ef".repeat(32),
                List.of(new RunInfo.TargetInfo(TARGET, "command", null, "local", "{\"id\":\"writer\"}")),
                List.of("judge{judge=grader, mode=reference}"), List.of(), 1, 1, "all", "test-prices", "0.1.0-test");
        TargetMetricsCollector metrics = new TargetMetricsCollector(TARGET, List.of(), false);
        try (RunWriter writer = store.begin(info, "suite: support-answers", new GitInfo("0123456789abcdef", "main",
                false))) {
            for (int i = 0; i < cases; i++) {
                String id = markup == null ? caseId(i) : markup + i;
                Case kase = new Case(id, Map.of("input", markup == null ? input(i) : markup),
                        Expected.text(markup == null ? "Settings → Security → Reset password, then the email link."
                                : markup), Map.of(), null, id);
                Score score = i % 3 == 0 ? Score.fail("judge", markup != null ? markup : "tells the user a reset is "
                        + "impossible; the reference says how to reset")
                        : Score.pass("judge", markup != null ? markup : "gives the same steps as the reference");
                String output = markup == null ? output(i) : markup + " " + i;
                Sample sample = new Sample(0, output, output, score.outcome(), score.value(), List.of(score),
                        300 + i, new TokenUsage(60, 30), 0.0, 1, null);
                CaseResult result = CaseResult.of(TARGET, kase, List.of(sample));
                writer.accept(result);
                metrics.add(result);
            }
            writer.finish(new RunResult(info, Instant.now(), Duration.ofSeconds(3), true,
                    List.of(metrics.finish(Duration.ofSeconds(3))), Map.of()));
        }
    }
}
