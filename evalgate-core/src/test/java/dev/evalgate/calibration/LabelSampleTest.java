package dev.evalgate.calibration;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSampleTest {

    /** 90 items the judge passed (ids 0–89) and 10 it failed (ids 90–99). */
    private static final List<Integer> RUN = range(100);

    @Test
    void every_item_is_offered_exactly_once() {
        assertThat(LabelSample.order(RUN, i -> i < 90, 7)).containsExactlyInAnyOrderElementsOf(RUN);
    }

    @Test
    void any_prefix_holds_both_verdicts_as_evenly_as_the_run_allows() {
        List<Integer> order = LabelSample.order(RUN, i -> i < 90, 7);
        for (int prefix = 2; prefix <= 20; prefix += 2) {
            long failed = order.subList(0, prefix).stream().filter(i -> i >= 90).count();
            assertThat(failed).as("judge-failed items among the first %d", prefix).isEqualTo(prefix / 2);
        }
        // a random sample of 20 from this run would hold about 2 judge-failed items
        assertThat(order.subList(20, 100)).allMatch(i -> i < 90);
    }

    @Test
    void the_rarer_verdict_comes_first() {
        assertThat(LabelSample.order(RUN, i -> i < 90, 1).get(0)).isGreaterThanOrEqualTo(90);
        assertThat(LabelSample.order(RUN, i -> i < 10, 1).get(0)).isLessThan(10);
    }

    @Test
    void the_same_seed_gives_the_same_order_and_another_seed_another() {
        assertThat(LabelSample.order(RUN, i -> i < 90, 42)).isEqualTo(LabelSample.order(RUN, i -> i < 90, 42))
                .isNotEqualTo(LabelSample.order(RUN, i -> i < 90, 43));
    }

    @Test
    void a_run_judged_all_one_way_is_still_offered_whole() {
        assertThat(LabelSample.order(RUN, i -> true, 3)).containsExactlyInAnyOrderElementsOf(RUN);
        assertThat(LabelSample.order(List.<Integer>of(), i -> true, 3)).isEmpty();
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
