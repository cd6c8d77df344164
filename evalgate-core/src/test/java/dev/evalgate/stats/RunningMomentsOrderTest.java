package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RunningMomentsOrderTest {

    @Test
    void mean_and_variance_are_the_same_to_the_last_bit_whatever_the_order_of_the_values() {
        Random random = new Random(5);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            values.add(switch (i % 3) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextInt(3) / 3.0;
                default -> 1e6 + random.nextGaussian();
            });
        }
        RunningMoments inOrder = of(values);
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(values, random);
            RunningMoments shuffled = of(values);
            assertThat(shuffled.mean()).isEqualTo(inOrder.mean());
            assertThat(shuffled.variance()).isEqualTo(inOrder.variance());
        }
    }

    private static RunningMoments of(List<Double> values) {
        RunningMoments moments = new RunningMoments();
        values.forEach(moments::add);
        return moments;
    }
}
