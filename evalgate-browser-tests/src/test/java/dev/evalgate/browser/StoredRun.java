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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classification run written straight into a SQLite store the way {@code evalgate run} stores it, without
 * running any target: test data for the report and the dashboard that takes milliseconds to make.
 *
 * <p>A case passes when the answer equals the expected label, scored by {@code label} like a real suite.
 */
final class StoredRun {

    /** What one target answered on one case. */
    record Answer(String target, String caseId, String input, String expected, String output, double latencyMs,
                  Map<String, String> tags) {
    }

    private final String suite;
    private final String runId;
    private final List<Answer> answers = new ArrayList<>();
    private String commit;
    private Instant started;

    StoredRun(String suite, String runId) {
        this.suite = suite;
        this.runId = runId;
    }

    StoredRun commit(String value) {
        this.commit = value;
        return this;
    }

    /** Back-dates the run, so a history spans days instead of the milliseconds it took to write. */
    StoredRun startedAt(Instant value) {
        this.started = value;
        return this;
    }

    StoredRun answer(Answer answer) {
        answers.add(answer);
        return this;
    }

    /** Writes the runs into the SQLite store at {@code db} (created when missing), one after another. */
    static void writeAll(String db, List<StoredRun> runs) {
        try (Store store = Store.open(db)) {
            runs.forEach(run -> run.writeTo(store));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (StoredRun run : runs) {
                if (run.started != null) {
                    run.backdate(c);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot back-date the runs in " + db + ": " + e.getMessage(), e);
        }
    }

    private void writeTo(Store store) {
        Map<String, TargetMetricsCollector> metrics = new LinkedHashMap<>();
        List<String> slices = answers.stream().flatMap(a -> a.tags().keySet().stream()).distinct().sorted().toList();
        for (Answer a : answers) {
            metrics.computeIfAbsent(a.target(), t -> new TargetMetricsCollector(t, slices, true));
        }
        List<RunInfo.TargetInfo> targets = metrics.keySet().stream()
                .map(t -> new RunInfo.TargetInfo(t, "baseline:" + t, null, "local", "{\"id\":\"" + t + "\"}"))
                .toList();
        RunInfo info = new RunInfo(runId, suite, "evalgate.yaml", "cases.jsonl", "ab".repeat(32), targets,
                List.of("label"), slices, 1, 1, "all", "test-prices", "0.1.0-test");
        try (RunWriter writer = store.begin(info, "suite: " + suite, new GitInfo(commit, "main", false))) {
            for (Answer a : answers) {
                CaseResult result = result(a);
                writer.accept(result);
                metrics.get(a.target()).add(result);
            }
            writer.finish(new RunResult(info, Instant.now(), Duration.ofSeconds(2), true,
                    metrics.values().stream().map(m -> m.finish(Duration.ofSeconds(2))).toList(), Map.of()));
        }
    }

    private static CaseResult result(Answer a) {
        Case kase = new Case(a.caseId(), Map.of("input", a.input()), Expected.text(a.expected()), a.tags(), null,
                a.caseId());
        Score score = a.output().equals(a.expected())
                ? Score.pass("label", "label \"" + a.expected() + "\" matched")
                : Score.fail("label", "expected \"" + a.expected() + "\" but got \"" + a.output() + "\"");
        Sample sample = new Sample(0, a.output(), a.output(), score.outcome(), score.value(), List.of(score),
                a.latencyMs(), new TokenUsage(40, 2), 0.0, 1, null);
        return CaseResult.of(a.target(), kase, List.of(sample));
    }

    // The store stamps a run with the clock when it begins; tests of a history need runs days apart.
    private void backdate(Connection c) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE runs SET started_ms = ?, finished_ms = ? WHERE run_id = ?")) {
            update.setLong(1, started.toEpochMilli());
            update.setLong(2, started.plusSeconds(2).toEpochMilli());
            update.setString(3, runId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("run " + runId + " is not in the store");
            }
        }
    }
}
