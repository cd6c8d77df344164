package dev.evalgate.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Corrected pass-rate vectors of the judge-statistics reference (Rogan–Gladen point, Lee et al. interval). */
class JudgeCorrectionTest {

    @ParameterizedTest
    @CsvSource({
            "0.70, 0.90, 0.85, 500, 100, 100, 0.800000, 0.714056, 0.905615",
            "0.62, 0.80, 0.95, 1000, 60, 140, 0.560000, 0.472060, 0.629834",
            "0.95, 0.70, 0.98, 300, 30, 200, 0.955882, 0.900881, 1.000000",
            "0.40, 0.92, 0.88, 200, 50, 50, 0.400000, 0.278688, 0.514420",
            "0.81, 0.60, 0.60, 400, 40, 40, 1.000000, 0.382971, 1.000000"})
    void point_and_interval_match_the_reference_vectors(double judged, double q0, double q1, long n, long m0,
            long m1, double point, double lower, double upper) {
        JudgeCorrection result = JudgeCorrection.of(judged, n, q0, q1, m0, m1, 0.95);

        assertThat(result.point()).isCloseTo(point, within(1e-6));
        assertThat(result.interval().lower()).isCloseTo(lower, within(1e-6));
        assertThat(result.interval().upper()).isCloseTo(upper, within(1e-6));
    }

    @Test
    void a_perfect_judge_leaves_the_rate_as_judged() {
        JudgeCorrection result = JudgeCorrection.of(0.7, 500, 1, 1, 100, 100, 0.95);

        assertThat(result.point()).isCloseTo(0.7, within(1e-12));
        assertThat(result.interval().contains(0.7)).isTrue();
    }

    @Test
    void the_interval_of_a_judge_is_wider_than_the_plain_wilson_interval() {
        JudgeCorrection result = JudgeCorrection.of(0.7, 500, 0.9, 0.85, 100, 100, 0.95);

        assertThat(result.interval().width()).isGreaterThan(Proportion.wilson(350, 500, 0.95).width());
    }

    @Test
    void refuses_a_judge_no_better_than_chance() {
        assertThatThrownBy(() -> JudgeCorrection.of(0.5, 100, 0.5, 0.5, 50, 50, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("specificity + sensitivity > 1");
    }

    @Test
    void refuses_empty_counts() {
        assertThatThrownBy(() -> JudgeCorrection.of(0.5, 100, 0.9, 0.9, 0, 50, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m0 = 0");
    }
}
