package dev.evalgate.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Order-statistic vectors from eval-statistics §11 V6. */
class OrderStatisticIntervalTest {

    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "p{1} n={0} -> ({2}, {3}) coverage {4}")
    @CsvSource({
            "72,   0.95, 64,  72,  0.965490",
            "100,  0.95, 90,  100, 0.982607",
            "200,  0.95, 184, 197, 0.967152",
            "1000, 0.95, 936, 964, 0.958095",
            "200,  0.50, 86,  115, 0.959963",
            "1000, 0.99, 983, 997, 0.976095",
    })
    void two_sided_ranks_match_reference(int n, double p, int lower, int upper, double coverage) {
        OrderStatisticInterval interval = OrderStatisticInterval.ranks(n, p, 0.05);

        assertThat(interval.lowerRank()).isEqualTo(lower);
        assertThat(interval.upperRank()).isEqualTo(upper);
        assertThat(interval.hasLower()).isTrue();
        assertThat(interval.hasUpper()).isTrue();
        assertThat(interval.coverage()).isCloseTo(coverage, within(TOLERANCE));
    }

    @ParameterizedTest(name = "p{1} n={0} -> ({2}, unbounded)")
    @CsvSource({
            "20,  0.95, 17",
            "50,  0.95, 44",
            "59,  0.95, 52",
            "71,  0.95, 63",
            "200, 0.99, 195",
    })
    void upper_side_is_unbounded_below_the_minimum_n(int n, double p, int lower) {
        OrderStatisticInterval interval = OrderStatisticInterval.ranks(n, p, 0.05);

        assertThat(interval.lowerRank()).isEqualTo(lower);
        assertThat(interval.hasUpper()).isFalse();
        assertThat(interval.upperRank()).isEqualTo(n + 1);
    }

    @ParameterizedTest(name = "one-sided p95 n={0} -> {1}")
    @CsvSource({
            "59,   59",
            "72,   72",
            "100,  99",
            "200,  196",
            "1000, 962",
    })
    void one_sided_upper_ranks_match_reference(int n, int upper) {
        OrderStatisticInterval bound = OrderStatisticInterval.upperBound(n, 0.95, 0.05);

        assertThat(bound.upperRank()).isEqualTo(upper);
        assertThat(bound.hasLower()).isFalse();
    }

    @Test
    void one_sided_bound_at_59_is_the_maximum_with_its_confidence() {
        OrderStatisticInterval bound = OrderStatisticInterval.upperBound(59, 0.95, 0.05);

        assertThat(bound.coverage()).isCloseTo(0.951505, within(TOLERANCE));
        assertThat(OrderStatisticInterval.upperBound(58, 0.95, 0.05).hasUpper()).isFalse();
    }

    @Test
    void minimum_n_matches_reference() {
        assertThat(OrderStatisticInterval.minimumN(0.95, 0.05)).isEqualTo(72);
        assertThat(OrderStatisticInterval.minimumNOneSided(0.95, 0.05)).isEqualTo(59);
        assertThat(OrderStatisticInterval.minimumN(0.99, 0.05)).isEqualTo(368);
        assertThat(OrderStatisticInterval.minimumNOneSided(0.99, 0.05)).isEqualTo(299);
    }

    @Test
    void minimum_n_is_where_the_upper_end_first_exists() {
        assertThat(OrderStatisticInterval.ranks(71, 0.95, 0.05).hasUpper()).isFalse();
        assertThat(OrderStatisticInterval.ranks(72, 0.95, 0.05).hasUpper()).isTrue();
        assertThat(OrderStatisticInterval.ranks(367, 0.99, 0.05).hasUpper()).isFalse();
        assertThat(OrderStatisticInterval.ranks(368, 0.99, 0.05).hasUpper()).isTrue();
    }

    @Test
    void coverage_is_at_least_the_confidence_wherever_both_ends_exist() {
        for (int n = 72; n <= 2000; n += 37) {
            OrderStatisticInterval interval = OrderStatisticInterval.ranks(n, 0.95, 0.05);
            assertThat(interval.coverage()).as("n = %d", n).isGreaterThanOrEqualTo(0.95);
            assertThat(interval.lowerRank()).isLessThanOrEqualTo(Quantiles.rank(n, 0.95));
            assertThat(interval.upperRank()).isGreaterThan(Quantiles.rank(n, 0.95));
        }
    }

    @Test
    void apply_maps_unbounded_sides_to_infinity() {
        double[] sorted = new double[20];
        for (int i = 0; i < 20; i++) {
            sorted[i] = i + 1;
        }

        Interval interval = OrderStatisticInterval.ranks(20, 0.95, 0.05).apply(sorted);

        assertThat(interval).isEqualTo(new Interval(17, Double.POSITIVE_INFINITY));
    }
}
