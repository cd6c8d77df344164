package dev.evalgate.report;

import dev.evalgate.gate.GateConfig;
import dev.evalgate.gate.ShipDecision;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static dev.evalgate.report.Runs.fail;
import static dev.evalgate.report.Runs.pass;
import static dev.evalgate.report.Runs.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The "Ship decision" block of the console summary and the Markdown report. */
class ShipDecisionReportTest {

    private static final GateConfig PASS_RATE_75 =
            new GateConfig(List.of(new GateConfig.Budget(GateConfig.Measure.PASS_RATE, 0.75)), List.of(), false,
                    List.of());

    /** Target {@code good} passes all 20 cases; {@code weak} (slower, same cost) passes 10. */
    private static RunResult run(String good, String weak) {
        RunInfo info = Runs.info("support", good, weak);
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(result(good, "c" + i, "x", pass("x", 10)));
            results.add(result(weak, "c" + i, "x", i % 2 == 0 ? pass("x", 50) : fail("y", "differs", 50)));
        }
        return Runs.run(info, true, false, results);
    }

    @Test
    void the_console_marks_each_candidate_and_names_the_recommended_one() {
        RunResult run = run("good", "weak");
        ShipDecision decision = ShipDecision.decide(run.metrics(), PASS_RATE_75, "support");
        StringWriter text = new StringWriter();
        new ConsoleSummary(run, decision).print(new PrintWriter(text));

        assertThat(text.toString()).contains("Ship decision (")
                .containsPattern("good +not dominated +meets every budget")
                .containsPattern("weak +dominated by good +misses: support/weak pass rate is 0.500, but expected"
                        + " minimum is 0.750")
                .contains("  recommended: good — cheapest that meets every budget (pass rate 1.000 >= 0.75;"
                        + " cost $0.001000/request)");
    }

    @Test
    void without_a_decision_the_console_prints_no_block() {
        StringWriter text = new StringWriter();
        new ConsoleSummary(run("good", "weak"), null).print(new PrintWriter(text));

        assertThat(text.toString()).doesNotContain("Ship decision", "recommended");
    }

    @Test
    void the_markdown_section_escapes_target_ids() {
        RunResult run = run("<b>good</b>", "weak|1");
        ShipDecision decision = ShipDecision.decide(run.metrics(), PASS_RATE_75, "support");

        String md = MarkdownReport.of(run, decision);

        assertThat(md).contains("**Ship decision**")
                .contains("- &lt;b&gt;good&lt;/b&gt;: not dominated; meets every budget")
                .contains("- weak\\|1: dominated by &lt;b&gt;good&lt;/b&gt;; misses: support/weak\\|1 pass rate")
                .contains("**recommended: &lt;b&gt;good&lt;/b&gt; — cheapest that meets every budget")
                .doesNotContain("<b>");
        assertThat(MarkdownReport.of(run)).doesNotContain("Ship decision");
    }
}
