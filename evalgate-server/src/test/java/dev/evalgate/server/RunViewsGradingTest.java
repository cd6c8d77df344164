package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.calibration.Calibration;
import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Grading;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.stats.JudgeCalibration;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.RunWriter;
import dev.evalgate.store.Store;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's run page shows each judge scorer's grading row and its corrected rate. */
class RunViewsGradingTest {

    @TempDir
    Path dir;

    @Test
    void a_judged_runs_page_has_a_grading_row_per_judge_scorer_with_its_corrected_rate() throws Exception {
        try (Store store = Store.open(dir.resolve("evalgate.db").toString())) {
            write(store);
            JsonNode view = new ObjectMapper().readTree(new RunViews(store).view("r1", null));

            JsonNode rows = view.path("grading");
            assertThat(rows.size()).isEqualTo(2);
            JsonNode tone = rows.get(1);
            assertThat(tone.path("scorer").asText()).isEqualTo("tone");
            assertThat(tone.path("raw").asDouble()).isEqualTo(0.75);
            assertThat(tone.path("corrected").isNumber()).as(tone.toString()).isTrue();
            assertThat(tone.path("kappa").asDouble()).isGreaterThan(0.5);
            assertThat(tone.path("calls").asLong()).isEqualTo(200);
            assertThat(rows.get(0).path("corrected").isNumber()).as("faithful is not calibrated").isFalse();
            assertThat(rows.get(0).path("correction").asText()).contains("not corrected: no labels");
            assertThat(view.path("notes").toString()).contains("bot judged pass rate (tone) corrected");
        }
    }

    private static void write(Store store) {
        RunInfo info = new RunInfo("r1", "answers", null, "cases.jsonl", "cd".repeat(32),
                List.of(new RunInfo.TargetInfo("bot", "command", null, "per_request 0.001", "{\"id\":\"bot\"}")),
                List.of("judge{name=faithful}", "judge{name=tone}"), List.of(), 1, 1, "all", "test-prices",
                "0.1.0-test");
        TargetMetricsCollector metrics = new TargetMetricsCollector("bot", List.of(), false);
        try (RunWriter writer = store.begin(info, "suite: answers", GitInfo.unknown())) {
            for (int i = 0; i < 200; i++) {
                String id = String.format("q%03d", i);
                Case kase = new Case(id, Map.of("input", "question " + i), Expected.none(), Map.of(), null, id);
                Score faithful = judged("faithful", i % 2 == 0);
                Score tone = judged("tone", i % 4 != 0);
                Outcome both = faithful.outcome() == Outcome.PASS && tone.outcome() == Outcome.PASS ? Outcome.PASS
                        : Outcome.FAIL;
                Sample sample = new Sample(0, "answer", "answer", both, both == Outcome.PASS ? 1 : 0,
                        List.of(faithful, tone), 20, new TokenUsage(20, 5), 0.001, 1, null);
                CaseResult result = CaseResult.of("bot", kase, List.of(sample));
                writer.accept(result);
                metrics.add(result);
            }
            TargetMetrics m = metrics.finish(Duration.ofSeconds(1));
            Map<String, CalibrationStatus> statuses = Map.of(
                    "faithful", new CalibrationStatus.Unusable("no labels", false),
                    "tone", new CalibrationStatus.Usable(new Calibration("tone", "fp", new JudgeCalibration(90, 10,
                            10, 90), 0, "labels/tone.jsonl", Instant.EPOCH)));
            writer.finish(new RunResult(info, Instant.now(), Duration.ofSeconds(1), true,
                    List.of(m.withGrading(m.grading().withJudged(statuses))), Map.of()));
        }
    }

    private static Score judged(String scorer, boolean pass) {
        return new Score(scorer, pass ? 1 : 0, pass ? Outcome.PASS : Outcome.FAIL, "graded",
                new Grading(List.of(pass ? Outcome.PASS : Outcome.FAIL), 1, 0, new TokenUsage(100, 10), 0.002, 30));
    }
}
