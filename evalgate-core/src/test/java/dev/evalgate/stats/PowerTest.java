package dev.evalgate.stats;

import dev.evalgate.stats.Power.Sides;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Power and sample-size vectors from eval-statistics §11 V2 and V3. */
class PowerTest {

    private static final double TOLERANCE = 1e-6;

    /** Var(d) of the V2 table, unrounded: 22 discordant of 200 with d̄ = −0.03, divisor n − 1. */
    private static final double VAR_D = varianceOfV2Differences();

    @Test
    void variance_of_the_paired_differences_matches_the_reference() {
        assertThat(VAR_D).isCloseTo(0.109648, within(TOLERANCE));
    }

    @Test
    void mde_at_200_cases_matches_the_paired_vector() {
        assertThat(Power.mde(200, VAR_D, 0.05, Sides.TWO_SIDED, 0.80)).isCloseTo(0.065598, within(TOLERANCE));
        assertThat(Power.mde(200, VAR_D, 0.05, Sides.ONE_SIDED, 0.80)).isCloseTo(0.058220, within(TOLERANCE));
    }

    @Test
    void detecting_three_points_needs_about_956_cases() {
        assertThat(Power.requiredN(0.03, VAR_D, 0.05, Sides.TWO_SIDED, 0.80)).isCloseTo(956.2, within(0.05));
        assertThat(Power.requiredNConnor(0.03, 0.11, 0.05, Sides.TWO_SIDED, 0.80)).isCloseTo(956.9, within(0.05));
    }

    @Test
    void power_against_a_true_three_point_regression_is_about_36_percent() {
        double power = Power.power(0.03, 200, VAR_D, 0.05, Sides.ONE_SIDED);

        assertThat(power).isCloseTo(0.3581, within(5e-5));
        assertThat(1 - Math.pow(power, 3)).isCloseTo(0.9541, within(5e-5));
    }

    @Test
    void miller_needs_969_questions_for_three_points() {
        assertThat(Power.requiredN(0.03, 1.0 / 9, 0.05, Sides.TWO_SIDED, 0.80)).isCloseTo(969.00, within(0.005));
    }

    @Test
    void miller_mde_shrinks_with_more_samples_per_case() {
        double k1 = Power.millerVariance(1.0 / 9, 1.0 / 6, 1, 1.0 / 6, 1);
        double k10 = Power.millerVariance(1.0 / 9, 1.0 / 6, 10, 1.0 / 6, 10);

        assertThat(Power.mde(198, k1, 0.05, Sides.TWO_SIDED, 0.80)).isCloseTo(0.13273, within(5e-6));
        assertThat(Power.mde(198, k10, 0.05, Sides.TWO_SIDED, 0.80)).isCloseTo(0.07567, within(5e-6));
    }

    @Test
    void mde_and_required_n_are_inverse() {
        double n = Power.requiredN(0.04, VAR_D, 0.05, Sides.TWO_SIDED, 0.80);

        assertThat(Power.mde(Math.round(n), VAR_D, 0.05, Sides.TWO_SIDED, 0.80)).isCloseTo(0.04, within(1e-4));
    }

    @Test
    void rejects_a_power_given_as_a_percentage() {
        assertThatThrownBy(() -> Power.mde(200, VAR_D, 0.05, Sides.TWO_SIDED, 80))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. 0.80");
    }

    private static double varianceOfV2Differences() {
        RunningMoments moments = new RunningMoments();
        for (int i = 0; i < 200; i++) {
            moments.add(i >= 168 && i < 182 ? -1 : i >= 182 && i < 190 ? 1 : 0);
        }
        return moments.variance();
    }
}
