package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Allocation vectors of the judge-statistics reference and the advice built on them. */
class LabelAllocationTest {

    @Test
    void splits_match_the_reference_vectors() {
        assertThat(LabelAllocation.split(200, 0.7, 0.9, 0.9)).isEqualTo(new LabelAllocation(60, 140));
        assertThat(LabelAllocation.split(200, 0.7, 0.8, 0.95)).isEqualTo(new LabelAllocation(92, 108));
        assertThat(LabelAllocation.split(100, 0.3, 0.95, 0.8)).isEqualTo(new LabelAllocation(54, 46));
        assertThat(LabelAllocation.split(300, 0.9, 0.85, 0.9, 20)).isEqualTo(new LabelAllocation(34, 266));
    }

    @Test
    void a_pilot_keeps_at_least_its_own_labels_in_each_class() {
        LabelAllocation split = LabelAllocation.split(100, 0.99, 0.5, 0.99, 30);

        assertThat(split.fails()).isGreaterThanOrEqualTo(30);
        assertThat(split.passes()).isGreaterThanOrEqualTo(30);
        assertThat(split.total()).isEqualTo(100);
    }

    @Test
    void a_judge_assumed_perfect_splits_by_the_judged_rate() {
        assertThat(LabelAllocation.split(100, 0.7, 1, 1)).isEqualTo(new LabelAllocation(30, 70));
    }

    @Test
    void more_labels_go_to_the_class_the_judge_gets_wrong_more_often() {
        // Equal classes so far; the judge passes 30% of human fails but fails only 5% of human passes.
        JudgeCalibration calibration = new JudgeCalibration(38, 12, 2, 28);

        LabelAllocation more = LabelAllocation.more(calibration, 0.5, 100);

        assertThat(more.total()).isEqualTo(100);
        assertThat(more.fails()).isGreaterThan(more.passes());
    }

    @Test
    void more_labels_never_ask_to_take_labels_back() {
        JudgeCalibration lopsided = new JudgeCalibration(300, 0, 10, 5);

        LabelAllocation more = LabelAllocation.more(lopsided, 0.9, 20);

        assertThat(more.passes()).isBetween(0L, 20L);
        assertThat(more.total()).isEqualTo(20);
    }
}
