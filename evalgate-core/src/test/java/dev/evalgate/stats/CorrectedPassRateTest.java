package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The corrected pass rate of a judged run, and when it refuses to give a number. */
class CorrectedPassRateTest {

    @Test
    void a_calibrated_judge_gives_the_reference_estimate() {
        // q0 = 90/100, q1 = 85/100, 350 of 500 judged passes: the first reference vector.
        JudgeCalibration calibration = new JudgeCalibration(85, 10, 15, 90);

        CorrectedPassRate result = CorrectedPassRate.of(350, 500, calibration, 0.95);

        assertThat(result).isInstanceOf(CorrectedPassRate.Estimated.class);
        CorrectedPassRate.Estimated estimate = (CorrectedPassRate.Estimated) result;
        assertThat(estimate.judgedRate()).isCloseTo(0.70, within(1e-12));
        assertThat(estimate.point()).isCloseTo(0.800000, within(1e-6));
        assertThat(estimate.interval().lower()).isCloseTo(0.714056, within(1e-6));
        assertThat(estimate.interval().upper()).isCloseTo(0.905615, within(1e-6));
        assertThat(estimate.youden()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void a_judge_that_may_be_no_better_than_chance_is_undecidable_with_advice() {
        // q0 = q1 = 24/40: J = 0.2, the reference's last vector, whose interval spans most of [0, 1].
        JudgeCalibration calibration = new JudgeCalibration(24, 16, 16, 24);

        CorrectedPassRate result = CorrectedPassRate.of(324, 400, calibration, 0.95);

        assertThat(result).isInstanceOf(CorrectedPassRate.Undecidable.class);
        CorrectedPassRate.Undecidable undecidable = (CorrectedPassRate.Undecidable) result;
        assertThat(undecidable.reason()).startsWith("the judge may be no better than chance: J is 0.200, but its"
                + " 97.5% lower bound is -");
        assertThat(undecidable.advice()).isNotNull();
        assertThat(undecidable.advice().total()).isPositive();
        assertThat(undecidable.note()).contains("label about " + undecidable.advice().total() + " more items");
    }

    @Test
    void the_advised_labels_would_lift_j_clear_of_zero() {
        JudgeCalibration calibration = new JudgeCalibration(24, 16, 16, 24);
        CorrectedPassRate.Undecidable undecidable =
                (CorrectedPassRate.Undecidable) CorrectedPassRate.of(324, 400, calibration, 0.95);
        LabelAllocation more = undecidable.advice();

        long m0 = 40 + more.fails();
        long m1 = 40 + more.passes();
        JudgeCalibration grown = new JudgeCalibration(Math.round(0.6 * m1), m0 - Math.round(0.6 * m0),
                m1 - Math.round(0.6 * m1), Math.round(0.6 * m0));

        assertThat(grown.youdenInterval(0.975).lower()).isPositive();
    }

    @Test
    void a_judge_worse_than_chance_is_told_more_labels_will_not_help() {
        JudgeCalibration calibration = new JudgeCalibration(20, 25, 30, 25);

        CorrectedPassRate result = CorrectedPassRate.of(50, 100, calibration, 0.95);

        CorrectedPassRate.Undecidable undecidable = (CorrectedPassRate.Undecidable) result;
        assertThat(undecidable.advice()).isNull();
        assertThat(undecidable.note()).endsWith("more labels will not help: change the judge model or its rubric");
    }

    @Test
    void a_calibration_without_human_fails_is_undecidable() {
        JudgeCalibration calibration = new JudgeCalibration(40, 0, 2, 0);

        CorrectedPassRate result = CorrectedPassRate.of(80, 100, calibration, 0.95);

        CorrectedPassRate.Undecidable undecidable = (CorrectedPassRate.Undecidable) result;
        assertThat(undecidable.reason()).isEqualTo("the calibration has no item a human failed, so the judge's"
                + " error on those is unknown");
        assertThat(undecidable.advice().fails()).isPositive();
    }

    @Test
    void a_suite_judged_all_pass_still_asks_for_the_missing_class() {
        JudgeCalibration calibration = new JudgeCalibration(40, 0, 2, 0);

        CorrectedPassRate result = CorrectedPassRate.of(100, 100, calibration, 0.95);

        CorrectedPassRate.Undecidable undecidable = (CorrectedPassRate.Undecidable) result;
        assertThat(undecidable.advice()).isNotNull();
        assertThat(undecidable.advice().fails()).isPositive();
    }

    @Test
    void no_judged_verdicts_is_undecidable() {
        CorrectedPassRate result = CorrectedPassRate.of(0, 0, new JudgeCalibration(50, 5, 5, 50), 0.95);

        assertThat(result).isInstanceOf(CorrectedPassRate.Undecidable.class);
        assertThat(result.judgedRate()).isNaN();
    }

    @Test
    void a_perfect_judge_corrects_nothing() {
        CorrectedPassRate.Estimated estimate = (CorrectedPassRate.Estimated)
                CorrectedPassRate.of(70, 100, new JudgeCalibration(60, 0, 0, 40), 0.95);

        assertThat(estimate.point()).isCloseTo(0.7, within(1e-12));
        assertThat(estimate.interval().contains(0.7)).isTrue();
    }
}
