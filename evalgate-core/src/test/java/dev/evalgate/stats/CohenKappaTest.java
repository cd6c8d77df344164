package dev.evalgate.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cohen's κ vectors of the judge-statistics reference. */
class CohenKappaTest {

    @ParameterizedTest
    @CsvSource({
            "80, 10, 15, 95, 0.748744, 0.656614, 0.840873",
            "45, 5, 5, 45, 0.800000, 0.682402, 0.917598",
            "60, 30, 20, 90, 0.489796, 0.367324, 0.612268"})
    void kappa_and_interval_match_the_reference_vectors(long a, long b, long c, long d, double kappa,
            double lower, double upper) {
        CohenKappa result = CohenKappa.of(a, b, c, d, 0.95);

        assertThat(result.kappa()).isCloseTo(kappa, within(1e-6));
        assertThat(result.interval().lower()).isCloseTo(lower, within(1e-6));
        assertThat(result.interval().upper()).isCloseTo(upper, within(1e-6));
    }

    @Test
    void an_empty_table_has_no_kappa() {
        CohenKappa result = CohenKappa.of(0, 0, 0, 0, 0.95);

        assertThat(result.kappa()).isNaN();
        assertThat(result.interval().isEmpty()).isTrue();
    }

    @Test
    void raters_who_put_everything_in_one_class_have_no_kappa() {
        CohenKappa result = CohenKappa.of(30, 0, 0, 0, 0.95);

        assertThat(result.agreement()).isEqualTo(1.0);
        assertThat(result.kappa()).isNaN();
    }

    @Test
    void perfect_agreement_is_kappa_one_with_a_point_interval() {
        CohenKappa result = CohenKappa.of(40, 0, 0, 60, 0.95);

        assertThat(result.kappa()).isCloseTo(1.0, within(1e-12));
        assertThat(result.interval().width()).isCloseTo(0.0, within(1e-12));
    }
}
