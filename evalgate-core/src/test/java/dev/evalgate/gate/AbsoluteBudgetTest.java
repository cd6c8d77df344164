package dev.evalgate.gate;

import dev.evalgate.stats.Interval;
import dev.evalgate.stats.Proportion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The §2.2 absolute-threshold rule: decide on the interval, not the point estimate. */
class AbsoluteBudgetTest {

    private static final AbsoluteBudget MIN_PASS_RATE =
            new AbsoluteBudget("support-routing/keywords", "pass rate", Bound.MINIMUM, 0.85);
    private static final AbsoluteBudget MAX_P95 =
            new AbsoluteBudget("checkout", "p95 latency ms", Bound.MAXIMUM, 800);

    @Test
    void passes_when_the_wilson_lower_bound_clears_the_minimum() {
        // 182/200: Wilson (0.862234, 0.942313).
        GateCheck check = MIN_PASS_RATE.check(0.91, Proportion.wilson(182, 200, 0.95));

        assertThat(check.verdict()).isEqualTo(Verdict.PASS);
        assertThat(check.message()).isEqualTo("support-routing/keywords pass rate is 0.910, within minimum 0.850");
    }

    @Test
    void fails_when_even_the_upper_bound_is_below_the_minimum() {
        GateCheck check = MIN_PASS_RATE.check(0.812, new Interval(0.76, 0.84));

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.message())
                .isEqualTo("support-routing/keywords pass rate is 0.812, but expected minimum is 0.850");
    }

    @Test
    void is_inconclusive_when_the_interval_straddles_the_minimum() {
        // 176/200: Wilson (0.827657, 0.918020) contains 0.85.
        GateCheck check = MIN_PASS_RATE.check(0.88, Proportion.wilson(176, 200, 0.95));

        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check.message()).isEqualTo("support-routing/keywords pass rate is 0.880, inconclusive against "
                + "minimum 0.850 (interval 0.828 to 0.918)");
    }

    @Test
    void fails_when_p95_exceeds_budget_at_the_lower_end_of_its_interval() {
        GateCheck check = MAX_P95.check(912, new Interval(850, 1054));

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.message()).isEqualTo("checkout p95 latency ms is 912.000, but expected maximum is 800.000");
    }

    @Test
    void passes_a_maximum_when_the_upper_end_is_within_it() {
        GateCheck check = MAX_P95.check(478, new Interval(470, 800));

        assertThat(check.verdict()).isEqualTo(Verdict.PASS);
        assertThat(check.bound()).isEqualTo(Bound.MAXIMUM);
        assertThat(check.limit()).isEqualTo(800);
    }

    @Test
    void an_unbounded_upper_end_cannot_pass_a_maximum() {
        GateCheck check = MAX_P95.check(478, new Interval(470, Double.POSITIVE_INFINITY));

        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void no_data_is_inconclusive() {
        assertThat(MIN_PASS_RATE.check(Double.NaN, Interval.empty()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void rejects_a_limit_that_is_not_a_number() {
        assertThatThrownBy(() -> new AbsoluteBudget("s", "pass rate", Bound.MINIMUM, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimum of s pass rate");
    }
}
