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

    @Test
    void a_target_no_judge_graded_has_no_grading() {
        TargetMetricsCollector collector = new TargetMetricsCollector("bot", List.of(), false);
        collector.add(result("a", Results.pass(10)));

        assertThat(collector.finish(Duration.ofSeconds(1)).grading()).isNull();
    }
}
