package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantilesTest {

    @Test
    void rank_is_the_ceiling_of_p_times_n() {
        assertThat(Quantiles.rank(200, 0.95)).isEqualTo(190);
        assertThat(Quantiles.rank(20, 0.95)).isEqualTo(19);
        assertThat(Quantiles.rank(59, 0.95)).isEqualTo(57);
        assertThat(Quantiles.rank(1000, 0.95)).isEqualTo(950);
        assertThat(Quantiles.rank(100, 0.99)).isEqualTo(99);
        assertThat(Quantiles.rank(10, 0.5)).isEqualTo(5);
        assertThat(Quantiles.rank(11, 0.5)).isEqualTo(6);
    }

    @Test
    void rank_is_at_least_one_and_at_most_n() {
        assertThat(Quantiles.rank(10, 0)).isEqualTo(1);
        assertThat(Quantiles.rank(10, 1)).isEqualTo(10);
        assertThat(Quantiles.rank(1, 0.99)).isEqualTo(1);
    }

    @Test
    void nearest_rank_returns_an_observed_value() {
        double[] sorted = {10, 20, 30, 40};

        assertThat(Quantiles.nearestRank(sorted, 0.5)).isEqualTo(20);
        assertThat(Quantiles.nearestRank(sorted, 0.51)).isEqualTo(30);
        assertThat(Quantiles.nearestRank(sorted, 0.95)).isEqualTo(40);
        assertThat(Quantiles.nearestRank(new long[] {1, 2, 3}, 0.34)).isEqualTo(2L);
    }

    @Test
    void rejects_an_empty_sample() {
        assertThatThrownBy(() -> Quantiles.nearestRank(new double[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one value");
    }

    @Test
    void rejects_a_percentile_given_as_a_percentage() {
        assertThatThrownBy(() -> Quantiles.rank(10, 95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.95 for p95");
    }
}
