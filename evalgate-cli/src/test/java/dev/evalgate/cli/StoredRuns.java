package dev.evalgate.cli;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Runs written straight into a SQLite store, the way {@code evalgate run} writes them, for the history commands'
 * tests: one target {@value #TARGET} answering cases {@code c000, c001, …}; expected "yes", a pass answers "yes".
 */
final class StoredRuns {

    static final String TARGET = "bot";
    static final String SUITE = "history";

    private StoredRuns() {
    }

    static String caseId(int i) {
        return String.format("c%03d", i);
    }

    /** Stores a finished run of {@code n} cases where case i passes when {@code passes} says so. */
    static void write(Path db, String runId, int n, IntPredicate passes) {
        write(db, runId, n, passes, i -> passes.test(i) ? "yes" : "no");
    }

    static void write(Path db, String runId, int n, IntPredicate passes, IntFunction<String> output) {
        write(db, runId, n, passes, output, List.of(), i -> Map.of());
    }

    /** Stores a finished run whose suite snapshot (the config it ran with) is {@code snapshot}. */
    static void writeWithSnapshot(Path db, String runId, int n, IntPredicate passes, String snapshot) {
        write(db, runId, n, passes, i -> passes.test(i) ? "yes" : "no", List.of(), i -> Map.of(), snapshot);
    }

    /** Stores a run that slices by {@code slices}, case i tagged with {@code tags.apply(i)}. */
    static void write(Path db, String runId, int n, IntPredicate passes, IntFunction<String> output,
                      List<String> slices, IntFunction<Map<String, String>> tags) {
        write(db, runId, n, passes, output, slices, tags, "suite: history");
    }

    private static void write(Path db, String runId, int n, IntPredicate passes, IntFunction<String> output,
                              List<String> slices, IntFunction<Map<String, String>> tags, String snapshot) {
        try {
            Files.createDirectories(db.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunInfo info = new RunInfo(runId, SUITE, "evalgate.yaml", "cases.jsonl", "cd".repeat(32),
                List.of(new RunInfo.TargetInfo(TARGET, "command", null, "per_request 0.001", "{\"id\":\"bot\"}")),
                List.of("equals"), slices, 1, 1, "all", "test-prices", "0.1.0-test");
        TargetMetricsCollector metrics = new TargetMetricsCollector(TARGET, List.of(), false);
        try (Store store = Store.open(db.toString()); RunWriter writer = store.begin(info, snapshot, GitInfo.unknown())) {
            for (int i = 0; i < n; i++) {
                CaseResult result = result(i, passes.test(i), output.apply(i), tags.apply(i));
                writer.accept(result);
                metrics.add(result);
            }
            writer.finish(new RunResult(info, Instant.now(), Duration.ofMillis(500), true,
                    List.of(metrics.finish(Duration.ofMillis(500))), Map.of()));
        }
    }

    private static CaseResult result(int i, boolean pass, String output, Map<String, String> tags) {
        Case kase = new Case(caseId(i), Map.of("input", "message " + i), Expected.text("yes"), tags, null,
                caseId(i));
        Score score = pass ? Score.pass("equals", "matched \"yes\"")
                : Score.fail("equals", "expected \"yes\" but got \"" + output + "\"");
        // latency varies by case but not by run, so equal runs have equal latency
        Sample sample = new Sample(0, output, output, score.outcome(), score.value(), List.of(score), 20 + (i * 7) % 31,
                new TokenUsage(10, 2), 0.001, 1, null);
        return CaseResult.of(TARGET, kase, List.of(sample));
    }
}
