package dev.evalgate.gate;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.score.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteGateTest {

    private static GateConfig config(String yaml) {
        return GateConfig.parse(YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of())));
    }

    /** n cases; the first {@code passing} pass; latency 100 ms + i % 50; cost 0.001 each. */
    private static RunRecord run(String id, int n, java.util.function.IntPredicate passes, boolean cached) {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean pass = passes.test(i);
            cases.add(new CaseRecord(String.format("c%05d", i), pass ? Outcome.PASS : Outcome.FAIL, pass ? 1 : 0,
                    pass ? 1 : 0, cached ? Double.NaN : 100 + i % 50, 10L, 2L, 0.001, "yes", pass ? "yes" : "no"));
        }
        return new RunRecord(id, "demo", "hash", List.of("label{}"), List.of(new RunRecord.TargetSpec("t", "{}")),
                List.of(new TargetRecord("t", cases)));
    }

    private static GateReport judge(String yaml, RunRecord head, RunRecord baseline) {
        return new SuiteGate(config(yaml)).evaluate(SuiteGate.Evidence.of(head, baseline, 1));
    }

    @Test
    void an_absolute_budget_passes_fails_or_cannot_tell_from_the_interval() {
        String gate = "absolute: { pass_rate: \">= 0.80\" }\n";

        assertThat(judge(gate, run("h", 200, i -> i < 190, false), null).verdict()).isEqualTo(Verdict.PASS);
        GateReport fail = judge(gate, run("h", 200, i -> i < 140, false), null);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.checks().getFirst().message())
                .isEqualTo("demo/t pass rate is 0.700, but expected minimum is 0.800");
        assertThat(fail.failsBuild()).isTrue();
        GateReport unsure = judge(gate, run("h", 20, i -> i < 16, false), null);
        assertThat(unsure.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(unsure.failsBuild()).isFalse();
        assertThat(judge(gate + "inconclusive: fail\n", run("h", 20, i -> i < 16, false), null).failsBuild()).isTrue();
    }

    @Test
    void the_interval_note_says_cannot_be_decided_only_under_an_undecided_check() {
        String gate = "absolute: { pass_rate: \">= 0.80\" }\n";

        GateReport fail = judge(gate, run("h", 3000, i -> i % 4 != 0, false), null);
        GateReport pass = judge(gate, run("h", 200, i -> i < 190, false), null);
        GateReport unsure = judge(gate, run("h", 20, i -> i < 16, false), null);

        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.notes())
                .containsExactly("demo/t pass rate: with 3000 cases the 95% interval is 0.734 to 0.765");
        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(pass.notes()).noneMatch(n -> n.contains("cannot be decided"));
        assertThat(unsure.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(unsure.notes()).containsExactly("demo/t pass rate: with 20 cases the 95% interval is 0.584 to"
                + " 0.919, which contains the budget 0.800, so it cannot be decided either way; more cases narrow"
                + " the interval (see evalgate plan)");
    }

    @Test
    void a_seeded_regression_beyond_the_margin_fails() {
        RunRecord base = run("b", 400, i -> i < 360, false);
        RunRecord head = run("h", 400, i -> i < 300, false);

        GateReport report = judge("baseline: { pass_rate: { margin: 0.05 } }\n", head, base);

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.checks().getFirst().message())
                .startsWith("demo/t pass rate change is -0.150, but expected minimum is -0.050");
    }

    @Test
    void equal_runs_pass_the_margin() {
        RunRecord base = run("b", 400, i -> i < 360, false);

        GateReport report = judge("baseline: { pass_rate: { margin: 0.05 } }\n", run("h", 400, i -> i < 360, false), base);

        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.checks().getFirst().message()).isEqualTo("demo/t pass rate change is 0.000, within minimum -0.050");
    }

    @Test
    void a_small_suite_is_inconclusive_and_says_it_cannot_see_the_margin() {
        RunRecord base = run("b", 40, i -> i < 36, false);
        RunRecord head = run("h", 40, i -> i < 34, false);

        GateReport report = judge("baseline: { pass_rate: { margin: 0.05 } }\n", head, base);

        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("with 40 paired cases the smallest change")
                .contains("the suite is too small for it"));
    }

    @Test
    void a_decided_regression_is_not_told_the_suite_is_too_small_to_see_it() {
        RunRecord base = run("b", 150, i -> i < 138, false);
        RunRecord head = run("h", 150, i -> i < 109, false);

        GateReport report = judge("baseline: { pass_rate: { margin: 0.03 } }\n", head, base);

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("with 150 paired cases the smallest change"))
                .noneMatch(n -> n.contains("too small") || n.contains("cannot be decided"));
    }

    @Test
    void a_real_but_small_regression_on_a_large_suite_passes_with_a_warning() {
        RunRecord base = run("b", 10_000, i -> i < 9_500, false);
        RunRecord head = run("h", 10_000, i -> i < 9_350, false);

        GateReport report = judge("baseline: { pass_rate: { margin: 0.05 } }\n", head, base);

        assertThat(report.verdict()).isEqualTo(Verdict.PASS_WITH_WARNING);
        assertThat(report.failsBuild()).isFalse();
    }

    @Test
    void a_latency_budget_over_a_fully_cached_run_says_it_cannot_judge_instead_of_passing() {
        GateReport report = judge("absolute: { p95_latency_ms: \"<= 800\" }\n", run("h", 200, i -> true, true), null);

        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.checks().getFirst().message()).isEqualTo("demo/t p95 latency ms cannot be judged: every call"
                + " was answered from the cache, so there is no latency to judge; run with --no-cache to measure it");
    }

    @Test
    void latency_and_cost_budgets_use_the_p95_and_the_mean_cost() {
        GateReport report = judge("absolute: { p95_latency_ms: \"<= 200\", cost_per_request_usd: \"<= 0.002\" }\n",
                run("h", 200, i -> true, false), null);

        assertThat(report.checks()).extracting(GateCheck::verdict).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(report.checks().get(0).actual()).isEqualTo(147.0);
        assertThat(report.checks().get(1).actual()).isEqualTo(0.001);
    }

    @Test
    void a_wrongly_written_budget_says_how_to_write_it() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("absolute: { pass_rate: \"<= 0.8\" }\n"))
                .hasMessage("evalgate.yaml:1: key 'absolute.pass_rate' is a minimum, so it must be written \">= 0.8\"");
    }

    @Test
    void a_gated_target_the_run_did_not_run_is_a_config_error_not_a_pass() {
        RunRecord head = run("h", 50, i -> true, false); // ran only target t

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> judge(
                        "absolute: { pass_rate: \">= 0.5\" }\ntargets: [tfidf]\n", head, null))
                .isInstanceOf(dev.evalgate.error.ConfigException.class)
                .hasMessage("run h has no results for gated target 'tfidf' (it ran: t); run it with"
                        + " 'evalgate run --target tfidf', or gate only the targets it ran under gate.targets");
    }

    @Test
    void a_gate_of_margins_only_without_a_baseline_checks_nothing_and_says_so() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> judge("baseline: { pass_rate: { margin: 0.05 } }\n",
                        run("h", 50, i -> true, false), null))
                .isInstanceOf(dev.evalgate.error.ConfigException.class)
                .hasMessageContaining("the gate has only margins against a baseline, and no baseline was given")
                .hasMessageContaining("--baseline");
    }

    @Test
    void a_baseline_without_a_target_gated_by_name_cannot_hold_its_margins() {
        RunRecord base = new RunRecord("b", "demo", "hash", List.of("label{}"), List.of(),
                List.of(new TargetRecord("other", run("x", 50, i -> true, false).targets().getFirst().cases())));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> judge("absolute: { pass_rate: \">= 0.5\" }\n"
                        + "baseline: { pass_rate: { margin: 0.05 } }\ntargets: [t]\n", run("h", 50, i -> true, false),
                        base))
                .isInstanceOf(dev.evalgate.error.ConfigException.class)
                .hasMessageStartingWith("baseline b has no results for gated target 't' (it ran: other)");
    }

    @Test
    void with_every_target_gated_a_target_the_baseline_predates_is_noted_and_its_budgets_still_checked() {
        RunRecord base = new RunRecord("b", "demo", "hash", List.of("label{}"), List.of(),
                List.of(new TargetRecord("other", run("x", 50, i -> true, false).targets().getFirst().cases())));

        GateReport report = judge("absolute: { pass_rate: \">= 0.5\" }\nbaseline: { pass_rate: { margin: 0.05 } }\n",
                run("h", 50, i -> true, false), base);

        assertThat(report.checks()).hasSize(1);
        assertThat(report.notes()).contains("demo/t has no results in baseline b, so its margins were not checked");
    }

    @Test
    void a_gate_whose_every_margin_cannot_be_judged_checks_nothing_and_says_why() {
        RunRecord cached = run("b", 50, i -> true, true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> judge(
                        "baseline: { p95_latency_ms: { margin: \"10%\" } }\n", run("h", 50, i -> true, true), cached))
                .isInstanceOf(dev.evalgate.error.ConfigException.class)
                .hasMessageStartingWith("the gate checked nothing on run h: demo/t p95 latency ratio cannot be judged");
    }

    @Test
    void an_empty_gate_has_nothing_to_check() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SuiteGate(GateConfig.NONE)
                        .evaluate(SuiteGate.Evidence.of(run("h", 5, i -> true, false), null, 1)))
                .isInstanceOf(dev.evalgate.error.ConfigException.class)
                .hasMessageStartingWith("the gate has no budgets and no margins, so there is nothing to check");
    }
}
