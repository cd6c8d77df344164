package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeanIntervalTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void t_interval_of_paired_differences_matches_reference() {
        // V2: per-case differences cand - base: 178 zeros, 14 of -1, 8 of +1; paired t CI with t(199) = 1.971957.
        double[] d = new double[200];
        for (int i = 168; i < 182; i++) {
            d[i] = -1;
        }
        for (int i = 182; i < 190; i++) {
            d[i] = 1;
        }

        Interval interval = MeanInterval.t(d, 0.95);

        assertThat(interval.lower()).isCloseTo(-0.076172, within(TOLERANCE));
        assertThat(interval.upper()).isCloseTo(0.016172, within(TOLERANCE));
    }

    @Test
    void critical_values_match_reference() {
        assertThat(Critical.t(199, 0.95)).isCloseTo(1.971957, within(TOLERANCE));
        assertThat(Critical.t(3, 0.95)).isCloseTo(3.182446, within(TOLERANCE));
        assertThat(Critical.z(0.95)).isCloseTo(1.959963984540054, within(1e-12));
    }

    @Test
    void streaming_and_array_forms_agree() {
        double[] values = {0.2, 0.9, 0.4, 0.75, 1.0, 0.0};
        RunningMoments moments = new RunningMoments();
        for (double v : values) {
            moments.add(v);
        }

        assertThat(MeanInterval.t(moments, 0.95)).isEqualTo(MeanInterval.t(values, 0.95));
    }

    @Test
    void fewer_than_two_values_give_no_interval() {
        assertThat(MeanInterval.t(new double[] {0.5}, 0.95).isEmpty()).isTrue();
        assertThat(MeanInterval.t(new double[0], 0.95).isEmpty()).isTrue();
    }

    @Test
    void identical_values_give_a_point_interval() {
        assertThat(MeanInterval.t(new double[] {0.5, 0.5, 0.5}, 0.95)).isEqualTo(new Interval(0.5, 0.5));
    }
}
