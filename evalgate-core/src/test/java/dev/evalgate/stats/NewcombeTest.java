package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Newcombe method 10 vectors from eval-statistics §11 V2: a = 168, b = 14, c = 8, d = 10. */
class NewcombeTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void interval_at_95_percent_matches_the_corrected_phi_vector() {
        Newcombe result = Newcombe.pairedInterval(168, 14, 8, 10, 0.95);

        assertThat(result.difference()).isCloseTo(-0.03, within(1e-12));
        assertThat(result.phi()).isCloseTo(0.394632, within(TOLERANCE));
        assertThat(result.interval().lower()).isCloseTo(-0.079487, within(TOLERANCE));
        assertThat(result.interval().upper()).isCloseTo(0.017893, within(TOLERANCE));
    }

    @Test
    void interval_at_90_percent_gives_the_one_sided_95_percent_bound() {
        Newcombe result = Newcombe.pairedInterval(168, 14, 8, 10, 0.90);

        assertThat(result.interval().lower()).isCloseTo(-0.070997, within(TOLERANCE));
        assertThat(result.interval().upper()).isCloseTo(0.009835, within(TOLERANCE));
    }

    @Test
    void swapping_the_arms_mirrors_the_interval() {
        Newcombe lost = Newcombe.pairedInterval(168, 14, 8, 10, 0.95);
        Newcombe won = Newcombe.pairedInterval(168, 8, 14, 10, 0.95);

        assertThat(won.difference()).isCloseTo(0.03, within(1e-12));
        assertThat(won.interval().lower()).isCloseTo(-lost.interval().upper(), within(1e-12));
        assertThat(won.interval().upper()).isCloseTo(-lost.interval().lower(), within(1e-12));
    }

    @Test
    void phi_is_zero_when_a_margin_is_empty() {
        // Nobody failed with the baseline: b + d = 0.
        Newcombe result = Newcombe.pairedInterval(10, 5, 0, 0, 0.95);

        assertThat(result.phi()).isZero();
        assertThat(result.interval().contains(result.difference())).isTrue();
    }

    @Test
    void corrected_phi_shrinks_a_positive_association_by_half_n() {
        // a·d − b·c = 4·4 − 2·2 = 12 > n/2 = 6: shrunk to 6, over sqrt(6·6·6·6) = 36.
        Newcombe shrunk = Newcombe.pairedInterval(4, 2, 2, 4, 0.95);
        // a·d − b·c = 3·3 − 2·2 = 5 <= n/2 = 5: the correction leaves nothing.
        Newcombe zeroed = Newcombe.pairedInterval(3, 2, 2, 3, 0.95);

        assertThat(shrunk.phi()).isCloseTo(6 / Math.sqrt(6.0 * 6 * 6 * 6), within(1e-12));
        assertThat(zeroed.phi()).isZero();
    }

    @Test
    void no_cases_give_the_empty_interval() {
        assertThat(Newcombe.pairedInterval(0, 0, 0, 0, 0.95).interval().isEmpty()).isTrue();
    }

    @Test
    void rejects_negative_cells() {
        assertThatThrownBy(() -> Newcombe.pairedInterval(1, -2, 3, 4, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b = -2");
    }
}
