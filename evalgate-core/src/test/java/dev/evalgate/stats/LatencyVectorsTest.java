package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The synthetic latency data of eval-statistics §11 V8, regenerated with SplitMix64 (V7). */
class LatencyVectorsTest {

    private static final long[] BASELINE = baseline();

    @Test
    void splittable_random_is_splitmix64() {
        SplittableRandom random = new SplittableRandom(0);

        assertThat(random.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(random.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
        assertThat(random.nextLong()).isEqualTo(0x06c45d188009454fL);
    }

    @Test
    void regenerated_data_matches_reference() {
        assertThat(Arrays.copyOf(BASELINE, 8)).containsExactly(457, 1054, 315, 448, 280, 347, 312, 443);
        assertThat(Arrays.stream(BASELINE).sum()).isEqualTo(74027);
    }

    @Test
    void nearest_rank_percentiles_match_reference() {
        long[] sorted = sorted();

        assertThat(Quantiles.nearestRank(sorted, 0.50)).isEqualTo(348);
        assertThat(Quantiles.nearestRank(sorted, 0.90)).isEqualTo(460);
        assertThat(Quantiles.nearestRank(sorted, 0.95)).isEqualTo(478);
        assertThat(Quantiles.nearestRank(sorted, 0.99)).isEqualTo(1381);
        assertThat(Arrays.copyOfRange(sorted, 182, 200)).containsExactly(469, 470, 472, 476, 476, 476, 477, 478,
                485, 489, 491, 492, 495, 499, 1054, 1381, 1708, 1896);
    }

    @Test
    void p95_order_statistic_interval_matches_reference() {
        double[] sorted = Arrays.stream(sorted()).asDoubleStream().toArray();

        OrderStatisticInterval ranks = OrderStatisticInterval.ranks(200, 0.95, 0.05);

        assertThat(ranks.apply(sorted)).isEqualTo(new Interval(470, 1054));
        assertThat(ranks.coverage()).isCloseTo(0.9672, within(1e-4));
    }

    private static long[] sorted() {
        long[] sorted = BASELINE.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The baseline series of the V8 generator; the candidate draw is taken to keep the stream aligned. */
    private static long[] baseline() {
        SplittableRandom random = new SplittableRandom(7);
        long[] values = new long[200];
        for (int i = 0; i < values.length; i++) {
            long u = random.nextLong();
            long b = 200 + Long.remainderUnsigned(u >>> 40, 300);
            if ((u & 0xFF) < 5) {
                b += 500 + Long.remainderUnsigned((u >>> 8) & 0xFFF, 1500);
            }
            random.nextLong();
            values[i] = b;
        }
        return values;
    }
}
