package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The counts and error rates of a judge measured against human labels. */
class JudgeCalibrationTest {

    // a = 80 both pass, b = 10 false passes, c = 15 false fails, d = 95 both fail.
    private final JudgeCalibration calibration = new JudgeCalibration(80, 10, 15, 95);

    @Test
    void counts_split_into_human_passes_and_human_fails() {
        assertThat(calibration.humanPasses()).isEqualTo(95);
        assertThat(calibration.humanFails()).isEqualTo(105);
        assertThat(calibration.size()).isEqualTo(200);
    }

    @Test
    void sensitivity_and_specificity_carry_wilson_intervals() {
        assertThat(calibration.sensitivity()).isCloseTo(80.0 / 95, within(1e-12));
        assertThat(calibration.specificity()).isCloseTo(95.0 / 105, within(1e-12));
        assertThat(calibration.sensitivityInterval(0.95)).isEqualTo(Proportion.wilson(80, 95, 0.95));
        assertThat(calibration.specificityInterval(0.95)).isEqualTo(Proportion.wilson(95, 105, 0.95));
    }

    @Test
    void agreement_kappa_and_youden_follow_from_the_table() {
        assertThat(calibration.agreement()).isCloseTo(175.0 / 200, within(1e-12));
        assertThat(calibration.kappa(0.95).kappa()).isCloseTo(0.748744, within(1e-6));
        assertThat(calibration.youden()).isCloseTo(95.0 / 105 + 80.0 / 95 - 1, within(1e-12));
    }

    @Test
    void youden_interval_holds_the_estimate_and_widens_with_confidence() {
        Interval at95 = calibration.youdenInterval(0.95);
        Interval at975 = calibration.youdenInterval(0.975);

        assertThat(at95.contains(calibration.youden())).isTrue();
        assertThat(at975.lower()).isLessThan(at95.lower());
        assertThat(at975.upper()).isGreaterThan(at95.upper());
    }

    @Test
    void a_perfect_judge_has_j_one_and_an_interval_below_one() {
        JudgeCalibration perfect = new JudgeCalibration(50, 0, 0, 50);

        assertThat(perfect.youden()).isEqualTo(1.0);
        assertThat(perfect.youdenInterval(0.95).upper()).isEqualTo(1.0);
        assertThat(perfect.youdenInterval(0.95).lower()).isBetween(0.8, 1.0);
    }

    @Test
    void a_calibration_without_human_fails_has_no_specificity() {
        JudgeCalibration onlyPasses = new JudgeCalibration(20, 0, 5, 0);

        assertThat(onlyPasses.specificity()).isNaN();
        assertThat(onlyPasses.youden()).isNaN();
        assertThat(onlyPasses.specificityInterval(0.95).isEmpty()).isTrue();
        assertThat(onlyPasses.youdenInterval(0.95).isEmpty()).isTrue();
    }
}
