package dev.evalgate.gate;

import dev.evalgate.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Holm across the blocking margins (§3.4, §6): FAIL needs an adjusted p below α_fail. */
class BlockingFamilyTest {

    private static final double ALPHA = BlockingFamily.DEFAULT_ALPHA_FAIL;
    private static final Margin ACCURACY = new Margin("suite", "pass rate change", Bound.MINIMUM, 0, -0.05);
    private static final Margin ERRORS = new Margin("suite", "error rate change", Bound.MAXIMUM, 0, 0.02);
    private static final Interval WIDE_DROP = new Interval(-0.09, -0.01);
    private static final Interval WIDE_RISE = new Interval(0.005, 0.04);

    @Test
    void a_lone_member_fails_on_its_raw_p_value() {
        List<GateCheck> checks = BlockingFamily.decide(
                List.of(new MarginEvidence(ACCURACY, -0.05, WIDE_DROP, 0.02)), ALPHA);

        assertThat(checks).extracting(GateCheck::verdict).containsExactly(Verdict.FAIL);
    }

    @Test
    void two_borderline_members_no_longer_fail_after_holm() {
        // Holm: 2 · 0.02 = 0.04 for both, above 0.025.
        List<GateCheck> checks = BlockingFamily.decide(List.of(
                new MarginEvidence(ACCURACY, -0.05, WIDE_DROP, 0.02),
                new MarginEvidence(ERRORS, 0.02, WIDE_RISE, 0.02)), ALPHA);

        assertThat(checks).extracting(GateCheck::verdict)
                .containsExactly(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
    }

    @Test
    void a_strong_member_still_fails_beside_a_weak_one() {
        // Holm: 0.001 · 2 = 0.002 fails; 0.3 stays 0.3.
        List<GateCheck> checks = BlockingFamily.decide(List.of(
                new MarginEvidence(ERRORS, 0.01, new Interval(-0.01, 0.03), 0.3),
                new MarginEvidence(ACCURACY, -0.05, WIDE_DROP, 0.001)), ALPHA);

        assertThat(checks).extracting(GateCheck::verdict).containsExactly(Verdict.INCONCLUSIVE, Verdict.FAIL);
        assertThat(Verdict.worstOf(checks)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void interval_only_members_are_not_counted_in_the_family() {
        // The latency member has no p-value, so the accuracy member's 0.02 stays unadjusted and fails.
        Margin p95 = new Margin("suite", "p95 latency ratio", Bound.MAXIMUM, 1, 1.10);
        List<GateCheck> checks = BlockingFamily.decide(List.of(
                new MarginEvidence(ACCURACY, -0.05, WIDE_DROP, 0.02),
                MarginEvidence.intervalOnly(p95, 1.115, new Interval(1.084, 1.151))), ALPHA);

        assertThat(checks).extracting(GateCheck::verdict).containsExactly(Verdict.FAIL, Verdict.FAIL);
    }

    @Test
    void an_empty_family_has_no_checks() {
        assertThat(BlockingFamily.decide(List.of(), ALPHA)).isEmpty();
    }
}
