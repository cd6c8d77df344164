package dev.evalgate.metric;

import dev.evalgate.run.Sample;
import dev.evalgate.score.Grading;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.evalgate.metric.Results.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GradingMetricsTest {

    /** A sample the target answered for $0.001 in 100 ms, graded by a judge with these votes for $0.01. */
    private static Sample judged(Outcome outcome, Outcome... votes) {
        Grading grading = new Grading(List.of(votes), votes.length, 0, new TokenUsage(500, 50), 0.01, 400);
        Score score = new Score("judge", outcome == Outcome.PASS ? 1 : 0, outcome,
                outcome == Outcome.ERROR ? "judge error: no verdict" : "reason", grading);
        return new Sample(0, "answer", "answer", outcome, score.value(), List.of(score), 100,
                new TokenUsage(20, 5), 0.001, 1, null);
    }

    @Test
    void the_judges_spend_is_its_own_and_judge_errors_are_left_out_of_the_judged_pass_rate() {
        TargetMetricsCollector collector = new TargetMetricsCollector("bot", List.of(), false);
        collector.add(result("a", judged(Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.FAIL)));
        collector.add(result("b", judged(Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS)));
        collector.add(result("c", judged(Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL)));
        collector.add(result("d", judged(Outcome.ERROR, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR)));

        TargetMetrics m = collector.finish(Duration.ofSeconds(1));

        assertThat(m.cost().totalUsd()).as("the candidate's cost: its own four calls only")
                .isCloseTo(0.004, within(1e-12));
        assertThat(m.tokens().input()).isEqualTo(80);
        assertThat(m.latency().max()).isEqualTo(100);
        assertThat(m.passRate()).as("a judge error is not a pass").isEqualTo(0.5);
        GradingMetrics g = m.grading();
        assertThat(g.judgments()).isEqualTo(4);
        assertThat(g.judgeErrors()).isEqualTo(1);
        assertThat(g.judgedPassRate()).as("2 passes of 3 verdicts").isCloseTo(2.0 / 3, within(1e-12));
        assertThat(g.multiVoteJudgments()).isEqualTo(3);
        assertThat(g.flipRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(g.cost().totalUsd()).isCloseTo(0.04, within(1e-12));
        assertThat(g.tokens().input()).isEqualTo(2000);
        assertThat(g.calls()).isEqualTo(12);
        assertThat(g.meanCallLatencyMs()).isCloseTo(1600.0 / 12, within(1e-9));
    }

    /** A sample graded by two judge scorers, each with its own verdict and spend. */
    private static Sample twoJudges(Outcome faithful, Outcome tone) {
        Score f = new Score("faithful", faithful == Outcome.PASS ? 1 : 0, faithful, "r",
                new Grading(List.of(faithful), 1, 0, new TokenUsage(100, 10), 0.01, 50));
        Score t = new Score("tone", tone == Outcome.PASS ? 1 : 0, tone, "r",
                new Grading(List.of(tone, tone), 2, 0, new TokenUsage(300, 30), 0.03, 80));
        Outcome both = faithful == Outcome.PASS && tone == Outcome.PASS ? Outcome.PASS : Outcome.FAIL;
        return new Sample(0, "answer", "answer", both, both == Outcome.PASS ? 1 : 0, List.of(f, t), 100,
                new TokenUsage(20, 5), 0.001, 1, null);
    }

    @Test
    void each_judge_scorer_keeps_its_own_figures_and_its_own_correction() {
        TargetMetricsCollector collector = new TargetMetricsCollector("bot", List.of(), false);
        for (int i = 0; i < 100; i++) {
            collector.add(result("c" + i, twoJudges(i < 80 ? Outcome.PASS : Outcome.FAIL,
                    i < 40 ? Outcome.PASS : Outcome.FAIL)));
        }
        GradingMetrics g = collector.finish(Duration.ofSeconds(1)).grading();

        assertThat(g.scorers()).containsOnlyKeys("faithful", "tone");
        GradingMetrics faithful = g.scorers().get("faithful");
        GradingMetrics tone = g.scorers().get("tone");
        assertThat(faithful.judgedPassRate()).isCloseTo(0.80, within(1e-12));
        assertThat(tone.judgedPassRate()).isCloseTo(0.40, within(1e-12));
        assertThat(faithful.calls()).isEqualTo(100);
        assertThat(tone.calls()).isEqualTo(200);
        assertThat(tone.cost().totalUsd()).isCloseTo(3.0, within(1e-9));
        assertThat(g.calls()).as("the pooled spend covers both").isEqualTo(300);

        var counts = new dev.evalgate.stats.JudgeCalibration(45, 5, 5, 45);
        var status = java.util.Map.<String, dev.evalgate.calibration.CalibrationStatus>of(
                "faithful", new dev.evalgate.calibration.CalibrationStatus.Usable(new dev.evalgate.calibration
                        .Calibration("faithful", "f1", counts, 0, "labels/faithful.jsonl", java.time.Instant.EPOCH)),
                "tone", new dev.evalgate.calibration.CalibrationStatus.Unusable("tone has no calibration", false));
        GradingMetrics judged = g.withJudged(status);

        assertThat(judged.scorers().get("faithful").judged().estimate()).as("corrected by its own calibration")
                .isNotNull();
        assertThat(judged.scorers().get("faithful").judged().estimate().point())
                .isCloseTo((0.80 + 0.9 - 1) / 0.8, within(1e-9));
        assertThat(judged.scorers().get("faithful").judged().fingerprint()).isEqualTo("f1");
        assertThat(judged.scorers().get("tone").judged().corrected()).isNull();
        assertThat(judged.scorers().get("tone").judged().uncorrected()).isEqualTo("tone has no calibration");
        assertThat(judged.judged().uncorrected()).as("the pooled rate mixes two judges and is never corrected")
                .contains("2 judge scorers");
    }

    @Test
    void a_target_no_judge_graded_has_no_grading() {
        TargetMetricsCollector collector = new TargetMetricsCollector("bot", List.of(), false);
        collector.add(result("a", Results.pass(10)));

        assertThat(collector.finish(Duration.ofSeconds(1)).grading()).isNull();
    }
}
