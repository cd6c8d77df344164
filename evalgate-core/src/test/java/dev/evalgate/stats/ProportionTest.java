package dev.evalgate.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Wilson vectors from eval-statistics §11 V1 and V11. */
class ProportionTest {

    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "{0}/{1} at {2} -> ({3}, {4})")
    @CsvSource({
            "182, 200, 0.95, 0.862234, 0.942313",
            "182, 200, 0.90, 0.871015, 0.938040",
            "176, 200, 0.95, 0.827657, 0.918020",
            "0,   20,  0.95, 0,        0.161125",
            "20,  20,  0.95, 0.838875, 1",
            "17,  20,  0.95, 0.639581, 0.947631",
            "5,   5,   0.95, 0.565518, 1",
            "0,   30,  0.95, 0,        0.113513",
            "1,   2,   0.95, 0.094531, 0.905469",
            "4,   5,   0.95, 0.375535, 0.963776",
            "460, 500, 0.95, 0.892894, 0.940702",
            "10,  10,  0.95, 0.722467, 1",
    })
    void wilson_matches_reference_vectors(long successes, long n, double confidence, double lower, double upper) {
        Interval interval = Proportion.wilson(successes, n, confidence);

        assertThat(interval.lower()).isCloseTo(lower, within(TOLERANCE));
        assertThat(interval.upper()).isCloseTo(upper, within(TOLERANCE));
    }

    @Test
    void wilson_stays_inside_zero_and_one_at_the_boundaries() {
        assertThat(Proportion.wilson(0, 20, 0.95).lower()).isEqualTo(0.0);
        assertThat(Proportion.wilson(20, 20, 0.95).upper()).isEqualTo(1.0);
        assertThat(Proportion.wilson(5, 5, 0.95).upper()).isEqualTo(1.0);
    }

    @Test
    void wilson_of_no_cases_is_the_empty_interval() {
        Interval interval = Proportion.wilson(0, 0, 0.95);

        assertThat(interval.isEmpty()).isTrue();
        assertThat(interval.contains(0.5)).isFalse();
    }

    @Test
    void rejects_more_successes_than_trials() {
        assertThatThrownBy(() -> Proportion.wilson(6, 5, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= successes <= n");
    }

    @Test
    void rejects_a_confidence_given_as_a_percentage() {
        assertThatThrownBy(() -> Proportion.wilson(1, 5, 95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. 0.95");
    }
}
