package dev.evalgate.report;

import dev.evalgate.gate.Bound;
import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.Verdict;
import dev.evalgate.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GateLinesTest {

    private static final GateCheck FAILED = GateCheck.of("support/mini", "pass rate", 0.8, new Interval(0.7, 0.9),
            Bound.MINIMUM, 0.85, Verdict.FAIL);
    private static final GateCheck WARNED = GateCheck.of("support/mini", "pass rate change", -0.01,
            new Interval(-0.02, -0.001), Bound.MINIMUM, -0.05, Verdict.PASS_WITH_WARNING);

    @Test
    void prints_one_aligned_line_per_check_then_notes_then_the_verdict() {
        GateReport report = new GateReport(List.of(FAILED, WARNED), List.of("too small"), Verdict.FAIL, true);

        assertThat(GateLines.of(report)).containsExactly(
                "FAIL               support/mini pass rate is 0.800, but expected minimum is 0.850",
                "PASS with warning  support/mini pass rate change is -0.010, within minimum -0.050,"
                        + " but significantly worse than baseline",
                "",
                "note: too small",
                "",
                "verdict: FAIL (fails the build)");
    }

    @Test
    void heads_the_text_with_the_suite_the_run_and_the_baseline() {
        GateReport report = new GateReport(List.of(), List.of(), Verdict.PASS, false);

        assertThat(GateLines.text("support", "r2", "r1", report))
                .isEqualTo("Gate of suite support on run r2 against r1\n\n\nverdict: PASS");
        assertThat(GateLines.heading("support", "r2", null)).isEqualTo("Gate of suite support on run r2");
    }

    @Test
    void escapes_check_text_in_markdown() {
        GateCheck hostile = GateCheck.of("s|<b>", "pass rate", 0.5, new Interval(0.4, 0.6), Bound.MINIMUM, 0.9,
                Verdict.FAIL);
        GateReport report = new GateReport(List.of(hostile), List.of(), Verdict.FAIL, true);

        String md = GateLines.markdown("s", "r", null, report);

        assertThat(md).startsWith("### evalgate gate: **FAIL** (fails the build) — suite s, run r\n");
        assertThat(md).contains("| FAIL | s\\|&lt;b&gt; pass rate is 0.500").doesNotContain("<b>");
    }
}
