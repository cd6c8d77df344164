package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** McNemar vectors from eval-statistics §11 V2: b = 14 baseline-only, c = 8 candidate-only passes. */
class McNemarTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void exact_and_mid_p_values_match_the_paired_vector() {
        McNemar test = McNemar.test(14, 8);

        assertThat(test.exactTwoSided()).isCloseTo(0.286279, within(TOLERANCE));
        assertThat(test.midPTwoSided()).isCloseTo(0.210040, within(TOLERANCE));
        assertThat(test.exactOneSided()).isCloseTo(0.143139, within(TOLERANCE));
        assertThat(test.midPOneSided()).isCloseTo(0.105020, within(TOLERANCE));
    }

    @Test
    void exact_two_sided_p_is_the_exact_fraction() {
        // 2 · 600370 / 2^22, the reference's exact value.
        assertThat(McNemar.test(14, 8).exactTwoSided()).isCloseTo(2 * 600370.0 / (1 << 22), within(1e-12));
    }

    @Test
    void two_sided_p_does_not_depend_on_which_arm_won() {
        McNemar lost = McNemar.test(14, 8);
        McNemar won = McNemar.test(8, 14);

        assertThat(won.exactTwoSided()).isCloseTo(lost.exactTwoSided(), within(1e-12));
        assertThat(won.midPTwoSided()).isCloseTo(lost.midPTwoSided(), within(1e-12));
    }

    @Test
    void one_sided_p_is_large_when_the_candidate_won() {
        McNemar won = McNemar.test(8, 14);

        // P(X >= 8), X ~ Bin(22, 1/2) = 1 - P(X <= 7), the complement side of the V2 tail.
        assertThat(won.exactOneSided()).isCloseTo(1 - 0.143139 + binomialHalf(22, 14), within(TOLERANCE));
        assertThat(won.midPOneSided()).isGreaterThan(0.5);
    }

    @Test
    void no_discordant_cases_give_no_evidence() {
        McNemar test = McNemar.test(0, 0);

        assertThat(test.exactTwoSided()).isEqualTo(1.0);
        assertThat(test.midPTwoSided()).isEqualTo(1.0);
        assertThat(test.exactOneSided()).isEqualTo(1.0);
        assertThat(test.midPOneSided()).isEqualTo(1.0);
    }

    @Test
    void two_sided_p_is_capped_at_one() {
        assertThat(McNemar.test(5, 5).exactTwoSided()).isEqualTo(1.0);
        assertThat(McNemar.test(5, 5).midPTwoSided()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void rejects_negative_counts() {
        assertThatThrownBy(() -> McNemar.test(-1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b = -1");
    }

    /** P(X = k) for X ~ Bin(n, 1/2), by the product formula. */
    private static double binomialHalf(int n, int k) {
        double p = 1;
        for (int i = 0; i < k; i++) {
            p *= (double) (n - i) / (k - i);
        }
        return p / Math.pow(2, n);
    }
}
