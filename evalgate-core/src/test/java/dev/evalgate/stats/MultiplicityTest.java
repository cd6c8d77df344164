package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Adjusted p-values from eval-statistics §11 V9. */
class MultiplicityTest {

    private static final double[] P = {0.001, 0.008, 0.012, 0.04, 0.21};

    @Test
    void holm_matches_the_reference_vector() {
        assertThat(Multiplicity.holm(P)).containsExactly(new double[] {0.005, 0.032, 0.036, 0.08, 0.21},
                within(1e-6));
    }

    @Test
    void benjamini_hochberg_matches_the_reference_vector() {
        assertThat(Multiplicity.benjaminiHochberg(P)).containsExactly(new double[] {0.005, 0.02, 0.02, 0.05, 0.21},
                within(1e-6));
    }

    @Test
    void bonferroni_matches_the_reference_vector() {
        assertThat(Multiplicity.bonferroni(P)).containsExactly(new double[] {0.005, 0.04, 0.06, 0.2, 1},
                within(1e-6));
    }

    @Test
    void adjusted_values_come_back_in_the_callers_order() {
        double[] shuffled = {0.21, 0.001, 0.04, 0.012, 0.008};

        assertThat(Multiplicity.holm(shuffled)).containsExactly(new double[] {0.21, 0.005, 0.08, 0.036, 0.032},
                within(1e-6));
        assertThat(Multiplicity.benjaminiHochberg(shuffled))
                .containsExactly(new double[] {0.21, 0.005, 0.05, 0.02, 0.02}, within(1e-6));
    }

    @Test
    void holm_rejects_three_and_bh_four_at_five_percent() {
        assertThat(Arrays.stream(Multiplicity.holm(P)).filter(p -> p <= 0.05).count()).isEqualTo(3);
        assertThat(Arrays.stream(Multiplicity.benjaminiHochberg(P)).filter(p -> p <= 0.05 + 1e-12).count())
                .isEqualTo(4);
    }

    @Test
    void a_single_test_is_not_adjusted() {
        assertThat(Multiplicity.holm(new double[] {0.02})).containsExactly(0.02);
        assertThat(Multiplicity.benjaminiHochberg(new double[] {0.02})).containsExactly(0.02);
    }

    @Test
    void rejects_a_p_value_outside_zero_and_one() {
        assertThatThrownBy(() -> Multiplicity.holm(new double[] {0.1, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p-value 1 must be in [0, 1]");
    }
}
