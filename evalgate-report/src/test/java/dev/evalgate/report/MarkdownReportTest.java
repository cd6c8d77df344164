package dev.evalgate.report;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.evalgate.report.Runs.error;
import static dev.evalgate.report.Runs.fail;
import static dev.evalgate.report.Runs.pass;
import static dev.evalgate.report.Runs.result;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    @Test
    void the_table_has_one_row_per_target() {
        RunInfo info = Runs.info("support", "gpt", "claude", "local");
        List<CaseResult> results = new ArrayList<>();
        for (String t : List.of("gpt", "claude", "local")) {
            results.add(result(t, "c1", "billing", pass("billing", 120)));
            results.add(result(t, "c2", "refund", t.equals("local") ? error("timeout", "slow") : pass("refund", 80)));
        }
        String md = MarkdownReport.of(Runs.run(info, true, false, results));

        assertThat(md).startsWith("### evalgate: support — 2 cases × 3 targets in 2.50 s\n");
        assertThat(md.lines().dropWhile(l -> !l.startsWith("|---")).skip(1).takeWhile(l -> !l.isEmpty()))
                .containsExactly(
                        "| gpt | 100.0% (2/2) | [34.2, 100.0] | 80.0 ms | 120 ms | $0.001000 | 0 |",
                        "| claude | 100.0% (2/2) | [34.2, 100.0] | 80.0 ms | 120 ms | $0.001000 | 0 |",
                        "| local | 50.0% (1/2) | [9.5, 90.5] | 120 ms | 30.0 s | unknown | 1 |");
        assertThat(md).doesNotContain("INCOMPLETE", "Classification");
    }

    @Test
    void an_incomplete_run_says_so_in_the_heading() {
        RunInfo info = Runs.info("support", "a");
        List<CaseResult> results = List.of(result("a", "c1", "x", pass("x", 1)));
        String md = MarkdownReport.of(Runs.run(info, false, false, results));

        assertThat(md.lines().findFirst().orElseThrow()).contains("**INCOMPLETE**");
    }

    @Test
    void hostile_text_is_escaped_in_every_cell() {
        String hostile = "<img src=x onerror=alert(1)> | `code` ]]> \"q\" 'q'\nline two \u0000\u001b[31m";
        RunInfo info = Runs.info("<b>suite</b>", "t|1");
        List<CaseResult> results = List.of(result("t|1", "<script>", hostile, fail(hostile, hostile, 5)));
        String md = MarkdownReport.of(Runs.run(info, true, false, results));

        String escaped = "&lt;img src=x onerror=alert(1)&gt; \\| &#96;code&#96; \\]\\]&gt; \"q\" 'q' line two "
                + "\uFFFD\uFFFD\\[31m";
        assertThat(md).contains("| &lt;script&gt; | " + escaped + " | " + escaped + " | equals: " + escaped + " |");
        assertThat(md).startsWith("### evalgate: &lt;b&gt;suite&lt;/b&gt; — ");
        assertThat(md).contains("| t\\|1 | 0.0% (0/1) |", "<summary>t\\|1: 1 failed, 0 errored (first 1)</summary>");
        assertThat(md).doesNotContain("<img", "<script", "<b>", "`", "\u0000", "\u001b");
        assertThat(md.lines().filter(l -> l.startsWith("| &lt;script"))).hasSize(1);
    }

    @Test
    void shows_the_first_five_failures_per_target_inside_details_with_expected_and_got() {
        RunInfo info = Runs.info("support", "a", "b", "c");
        List<CaseResult> results = new ArrayList<>();
        for (String t : List.of("a", "b", "c")) {
            for (int i = 0; i < 8; i++) {
                results.add(result(t, "c" + i, "refund", fail("billing", "expected \"refund\" but got \"billing\"", 9)));
            }
            results.add(result(t, "e", "refund", error("http_500", "server error")));
        }
        String md = MarkdownReport.of(Runs.run(info, true, false, results));

        assertThat(md).contains("<details><summary>a: 8 failed, 1 errored (first 5)</summary>\n\n"
                + "| case | expected | got | why |\n|---|---|---|---|\n"
                + "| c0 | refund | billing | equals: expected \"refund\" but got \"billing\" |\n");
        assertThat(md.lines().filter(l -> l.startsWith("<details>"))).hasSize(3);
        assertThat(md.lines().filter(l -> l.matches("\\| c\\d .*"))).hasSize(15);
        assertThat(md.lines().count()).isLessThan(60);
    }

    @Test
    void an_errored_case_shows_the_error_as_the_reason() {
        RunInfo info = Runs.info("support", "a");
        List<CaseResult> results = List.of(result("a", "c1", "refund", error("http_429", "rate limited")));
        String md = MarkdownReport.of(Runs.run(info, true, false, results));

        assertThat(md).contains("| c1 | refund | (no output) | ERROR http\\_429: rate limited |");
    }

    @Test
    void a_classification_suite_adds_accuracy_and_macro_f1() {
        RunInfo info = Runs.info("support", "a");
        List<CaseResult> results = List.of(result("a", "c1", "billing", pass("billing", 1)),
                result("a", "c2", "refund", fail("billing", "no", 1)));
        String md = MarkdownReport.of(Runs.run(info, true, true, results));

        assertThat(md).contains("\nClassification: a accuracy 50.0%, macro-F1 0.333\n");
    }
}
