package dev.evalgate.metric;

import dev.evalgate.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyStatsTest {

    @Test
    void too_few_calls_give_percentiles_but_no_p95_interval() {
        double[] sorted = new double[40];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = 100 + i;
        }

        LatencyStats stats = LatencyStats.ofSorted(sorted, 0.95);

        assertThat(stats.p95()).isEqualTo(137);
        assertThat(stats.p95Interval()).isNull();
        assertThat(stats.note()).isEqualTo("too few calls for a p95 interval: 40 < 72");
    }

    @Test
    void reference_latencies_give_reference_percentiles_and_interval() {
        // V8 baseline: 200 synthetic latencies from SplitMix64(7).
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            long u = random.nextLong();
            long b = 200 + Long.remainderUnsigned(u >>> 40, 300);
            if ((u & 0xFF) < 5) {
                b += 500 + Long.remainderUnsigned((u >>> 8) & 0xFFF, 1500);
            }
            random.nextLong();
            values[i] = b;
        }
        Arrays.sort(values);

        LatencyStats stats = LatencyStats.ofSorted(values, 0.95);

        assertThat(stats.n()).isEqualTo(200);
        assertThat(stats.p50()).isEqualTo(348);
        assertThat(stats.p90()).isEqualTo(460);
        assertThat(stats.p95()).isEqualTo(478);
        assertThat(stats.p99()).isEqualTo(1381);
        assertThat(stats.max()).isEqualTo(1896);
        assertThat(stats.mean()).isEqualTo(74027 / 200.0);
        assertThat(stats.p95Interval()).isEqualTo(new Interval(470, 1054));
        assertThat(stats.note()).isNull();
    }
}
