package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Paired bootstrap vectors from eval-statistics §11 V2 (mean difference) and V8 (p95 ratio), B = 2000, seed 42. */
class PairedBootstrapTest {

    @Test
    void p95_ratio_interval_matches_the_latency_vector() {
        double[][] data = latencyData();

        BootstrapInterval result = PairedBootstrap.ratioOfQuantile(data[0], data[1], 0.95, 2000, 42, 0.95);

        assertThat(result.point()).isCloseTo(1.115063, within(1e-6));
        assertThat(result.point()).isEqualTo(533.0 / 478.0);
        assertThat(result.interval().lower()).isCloseTo(1.084034, within(1e-6));
        assertThat(result.interval().upper()).isCloseTo(1.150628, within(1e-6));
        // Exact: the replicates at ranks 50 and 1950 are the quantile ratios 516/476 and 550/478.
        assertThat(result.interval()).isEqualTo(new Interval(516.0 / 476.0, 550.0 / 478.0));
        assertThat(result.resamples()).isEqualTo(2000);
        assertThat(result.seed()).isEqualTo(42);
    }

    @Test
    void mean_difference_interval_matches_the_paired_binary_vector() {
        // V2 case order: 0..167 pass/pass, 168..181 baseline only, 182..189 candidate only, 190..199 fail/fail.
        double[] base = new double[200];
        double[] cand = new double[200];
        for (int i = 0; i < 200; i++) {
            base[i] = i < 182 ? 1 : 0;
            cand[i] = i < 168 || (i >= 182 && i < 190) ? 1 : 0;
        }

        BootstrapInterval result = PairedBootstrap.meanDifference(base, cand, 2000, 42, 0.95);

        assertThat(result.point()).isCloseTo(-0.03, within(1e-12));
        assertThat(result.interval()).isEqualTo(new Interval(-0.075, 0.015));
    }

    @Test
    void the_same_seed_gives_the_same_interval_and_another_seed_another() {
        double[][] data = latencyData();

        BootstrapInterval first = PairedBootstrap.ratioOfQuantile(data[0], data[1], 0.5, 300, 7, 0.95);
        BootstrapInterval again = PairedBootstrap.ratioOfQuantile(data[0], data[1], 0.5, 300, 7, 0.95);
        BootstrapInterval other = PairedBootstrap.ratioOfQuantile(data[0], data[1], 0.5, 300, 8, 0.95);

        assertThat(again).isEqualTo(first);
        assertThat(other.interval()).isNotEqualTo(first.interval());
    }

    @Test
    void does_not_reorder_the_callers_arrays() {
        double[] base = {3, 1, 2};
        double[] cand = {6, 2, 4};

        PairedBootstrap.ratioOfQuantile(base, cand, 0.5, 10, 1, 0.95);

        assertThat(base).containsExactly(3, 1, 2);
        assertThat(cand).containsExactly(6, 2, 4);
    }

    @Test
    void rejects_arms_of_different_length() {
        assertThatThrownBy(() -> PairedBootstrap.meanDifference(new double[3], new double[2], 100, 42, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pair the runs by case id");
    }

    /** The V8 generator: SplitMix64(7), baseline then candidate draw per case; integer ms. */
    static double[][] latencyData() {
        SplittableRandom random = new SplittableRandom(7);
        double[] base = new double[200];
        double[] cand = new double[200];
        for (int i = 0; i < 200; i++) {
            long u = random.nextLong();
            long b = 200 + Long.remainderUnsigned(u >>> 40, 300);
            if ((u & 0xFF) < 5) {
                b += 500 + Long.remainderUnsigned((u >>> 8) & 0xFFF, 1500);
            }
            long v = random.nextLong();
            base[i] = b;
            cand[i] = b * 11 / 10 + Long.remainderUnsigned(v >>> 40, 61) - 30;
        }
        return new double[][] {base, cand};
    }
}
