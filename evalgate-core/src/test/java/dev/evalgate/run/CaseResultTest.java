package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseResultTest {

    private static final Case CASE = Case.of("c1", "q", Expected.text("yes"));

    private static Sample scored(int repeat, Outcome outcome, double value) {
        Score score = new Score("equals", value, outcome, "reason");
        return new Sample(repeat, "out", "out", outcome, value, List.of(score), 10, null, null, 1, null);
    }

    private static Sample errored(int repeat) {
        return new Sample(repeat, null, null, Outcome.ERROR, 0, List.of(), 10, null, null, 2,
                new CallError("timeout", "no answer within 1 s"));
    }

    @Test
    void every_repeat_passing_is_a_pass() {
        CaseResult result = CaseResult.of("a", CASE, List.of(scored(0, Outcome.PASS, 1), scored(1, Outcome.PASS, 1)));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.passFraction()).isEqualTo(1.0);
        assertThat(result.score()).isEqualTo(1.0);
    }

    @Test
    void some_repeats_failing_is_a_fail_with_the_mean_fraction_and_score() {
        CaseResult result = CaseResult.of("a", CASE, List.of(scored(0, Outcome.PASS, 1), scored(1, Outcome.FAIL, 0.5),
                scored(2, Outcome.FAIL, 0), scored(3, Outcome.PASS, 1)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.passFraction()).isEqualTo(0.5);
        assertThat(result.score()).isEqualTo(0.625);
    }

    @Test
    void only_every_repeat_erroring_is_an_error() {
        assertThat(CaseResult.of("a", CASE, List.of(errored(0), errored(1))).outcome()).isEqualTo(Outcome.ERROR);
        CaseResult mixed = CaseResult.of("a", CASE, List.of(errored(0), scored(1, Outcome.PASS, 1)));
        assertThat(mixed.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(mixed.passFraction()).isEqualTo(0.5);
    }

    @Test
    void the_first_sample_is_the_one_shown_and_the_samples_cannot_change() {
        List<Sample> samples = new java.util.ArrayList<>(List.of(scored(0, Outcome.PASS, 1), errored(1)));
        CaseResult result = CaseResult.of("a", CASE, samples);
        samples.clear();

        assertThat(result.first().repeat()).isZero();
        assertThat(result.samples()).hasSize(2);
        assertThat(result.target()).isEqualTo("a");
        assertThat(result.kase()).isEqualTo(CASE);
    }
}
