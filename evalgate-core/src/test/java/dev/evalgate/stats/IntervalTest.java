package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntervalTest {

    @Test
    void contains_its_ends_and_nothing_outside() {
        Interval interval = new Interval(0.2, 0.4);

        assertThat(interval.contains(0.2)).isTrue();
        assertThat(interval.contains(0.4)).isTrue();
        assertThat(interval.contains(0.19)).isFalse();
        assertThat(interval.contains(0.41)).isFalse();
    }

    @Test
    void an_unbounded_side_contains_everything_beyond_the_other_bound() {
        Interval interval = new Interval(470, Double.POSITIVE_INFINITY);

        assertThat(interval.contains(1e12)).isTrue();
        assertThat(interval.contains(469)).isFalse();
    }

    @Test
    void the_empty_interval_contains_nothing_and_equals_itself() {
        assertThat(Interval.empty().isEmpty()).isTrue();
        assertThat(Interval.empty().contains(Double.NaN)).isFalse();
        assertThat(Interval.empty()).isEqualTo(new Interval(Double.NaN, Double.NaN));
    }

    @Test
    void clip_narrows_to_the_allowed_range() {
        assertThat(new Interval(0.22, 1.21).clip(0, 1)).isEqualTo(new Interval(0.22, 1));
        assertThat(new Interval(-0.1, 0.3).clip(0, 1)).isEqualTo(new Interval(0, 0.3));
        assertThat(Interval.empty().clip(0, 1).isEmpty()).isTrue();
    }

    @Test
    void rejects_reversed_bounds() {
        assertThatThrownBy(() -> new Interval(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_one_missing_bound() {
        assertThatThrownBy(() -> new Interval(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
