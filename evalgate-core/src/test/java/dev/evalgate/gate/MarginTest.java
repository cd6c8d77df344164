package dev.evalgate.gate;

import dev.evalgate.stats.BootstrapInterval;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.McNemar;
import dev.evalgate.stats.Newcombe;
import dev.evalgate.stats.PairedBootstrap;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The four cells of the §3.4 decision, on a pass-rate difference and a latency ratio. */
class MarginTest {

    private static final double ALPHA = BlockingFamily.DEFAULT_ALPHA_FAIL;
    /** Candidate may lose at most 5 pp of pass rate. */
    private static final Margin PASS_RATE =
            new Margin("support-routing/keywords", "pass rate change", Bound.MINIMUM, 0, -0.05);
    /** Candidate p95 may be at most 10% slower. */
    private static final Margin P95 = new Margin("checkout", "p95 latency ratio", Bound.MAXIMUM, 1, 1.10);

    @Test
    void fails_when_a_significant_regression_may_exceed_the_margin() {
        GateCheck check = PASS_RATE.check(-0.06, new Interval(-0.09, -0.03), 0.001, ALPHA);

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.message())
                .isEqualTo("support-routing/keywords pass rate change is -0.060, but expected minimum is -0.050");
    }

    @Test
    void warns_when_a_significant_regression_stays_within_the_margin() {
        GateCheck check = PASS_RATE.check(-0.02, new Interval(-0.03, -0.01), 0.001, ALPHA);

        assertThat(check.verdict()).isEqualTo(Verdict.PASS_WITH_WARNING);
        assertThat(check.message()).isEqualTo("support-routing/keywords pass rate change is -0.020, "
                + "within minimum -0.050, but significantly worse than baseline");
    }

    @Test
    void is_inconclusive_when_an_insignificant_change_may_exceed_the_margin() {
        GateCheck check = PASS_RATE.check(-0.03, new Interval(-0.08, 0.02), 0.2, ALPHA);

        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void passes_when_no_regression_is_significant_and_none_can_exceed_the_margin() {
        GateCheck check = PASS_RATE.check(0.005, new Interval(-0.02, 0.03), 0.3, ALPHA);

        assertThat(check.verdict()).isEqualTo(Verdict.PASS);
        assertThat(check.message())
                .isEqualTo("support-routing/keywords pass rate change is 0.005, within minimum -0.050");
    }

    @Test
    void the_paired_binary_example_is_inconclusive_at_a_five_point_margin() {
        // V2: mid-p 0.105 is not significant and the Newcombe lower limit −0.0795 reaches −0.05.
        Newcombe newcombe = Newcombe.pairedInterval(168, 14, 8, 10, 0.95);
        double midP = McNemar.test(14, 8).midPOneSided();

        GateCheck check = PASS_RATE.check(newcombe.difference(), newcombe.interval(), midP, ALPHA);

        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check.message()).isEqualTo("support-routing/keywords pass rate change is -0.030, "
                + "inconclusive against minimum -0.050 (interval -0.079 to 0.018)");
    }

    @Test
    void the_latency_example_fails_a_ten_percent_tolerance_on_its_interval() {
        // V8: ratio CI (1.084, 1.151) lies above 1 and reaches 1.10.
        double[][] data = latencyData();
        BootstrapInterval ratio = PairedBootstrap.ratioOfQuantile(data[0], data[1], 0.95, 2000, 42, 0.95);

        GateCheck check = P95.check(ratio.point(), ratio.interval(), Double.NaN, ALPHA);

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        // The point 1.115 is itself beyond 1.10, so the plain template applies.
        assertThat(check.message()).isEqualTo("checkout p95 latency ratio is 1.115, but expected maximum is 1.100");
    }

    @Test
    void interval_only_evidence_covers_the_other_three_cells() {
        assertThat(P95.check(1.04, new Interval(1.02, 1.06), Double.NaN, ALPHA).verdict())
                .isEqualTo(Verdict.PASS_WITH_WARNING);
        assertThat(P95.check(1.05, new Interval(0.98, 1.12), Double.NaN, ALPHA).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(P95.check(1.00, new Interval(0.95, 1.05), Double.NaN, ALPHA).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void a_fail_whose_point_is_within_the_margin_shows_the_interval() {
        GateCheck check = PASS_RATE.check(-0.04, new Interval(-0.07, -0.01), 0.001, ALPHA);

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.message()).isEqualTo("support-routing/keywords pass rate change is -0.040, "
                + "but expected minimum is -0.050 (interval -0.070 to -0.010)");
    }

    @Test
    void reaching_the_margin_exactly_is_not_a_pass() {
        assertThat(PASS_RATE.check(0, new Interval(-0.05, 0.05), 0.5, ALPHA).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void rejects_a_margin_on_the_better_side_of_no_change() {
        assertThatThrownBy(() -> new Margin("s", "pass rate change", Bound.MINIMUM, 0, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use minimum -0.05");
    }

    private static double[][] latencyData() {
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
