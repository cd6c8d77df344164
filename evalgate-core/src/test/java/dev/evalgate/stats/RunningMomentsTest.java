package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RunningMomentsTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void standard_error_of_182_passes_in_200_uses_n_minus_1() {
        RunningMoments moments = of(182, 1.0, 18, 0.0);

        assertThat(moments.mean()).isCloseTo(0.91, within(1e-12));
        // eval-statistics V1: Eq. 1 gives 0.020287 (Eq. 2, the Bernoulli form, would give 0.020236).
        assertThat(moments.standardError()).isCloseTo(0.020287, within(TOLERANCE));
    }

    @Test
    void standard_error_is_over_question_means_not_pooled_answers() {
        // V5: K = 4 samples for 3 questions, [1,1,0,1], [0,0,0,1], [1,1,1,1].
        RunningMoments perQuestion = new RunningMoments();
        perQuestion.add(0.75);
        perQuestion.add(0.25);
        perQuestion.add(1.0);
        RunningMoments pooled = new RunningMoments();
        for (double s : new double[] {1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1}) {
            pooled.add(s);
        }

        assertThat(perQuestion.standardError()).isCloseTo(0.220479, within(TOLERANCE));
        assertThat(perQuestion.variance()).isCloseTo(0.145833, within(TOLERANCE));
        assertThat(pooled.standardError()).isCloseTo(0.142134, within(TOLERANCE));
    }

    @Test
    void keeps_precision_for_values_far_from_zero() {
        RunningMoments moments = new RunningMoments();
        for (double v : new double[] {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}) {
            moments.add(v);
        }

        assertThat(moments.mean()).isEqualTo(1e9 + 10);
        assertThat(moments.variance()).isCloseTo(30.0, within(1e-6));
    }

    @Test
    void mean_and_variance_are_undefined_without_enough_data() {
        RunningMoments moments = new RunningMoments();
        assertThat(moments.mean()).isNaN();
        moments.add(3);
        assertThat(moments.mean()).isEqualTo(3);
        assertThat(moments.variance()).isNaN();
        assertThat(moments.standardError()).isNaN();
    }

    @Test
    void rejects_non_finite_observations() {
        assertThatThrownBy(() -> new RunningMoments().add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RunningMoments of(int count1, double value1, int count2, double value2) {
        RunningMoments moments = new RunningMoments();
        for (int i = 0; i < count1; i++) {
            moments.add(value1);
        }
        for (int i = 0; i < count2; i++) {
            moments.add(value2);
        }
        return moments;
    }
}
