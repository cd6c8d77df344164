package dev.evalgate.gate;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.gate.GateConfig.Budget;
import dev.evalgate.gate.GateConfig.Measure;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.run.CallError;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Picking the candidate to ship: not dominated on (pass rate, p95, cost), cheapest that meets every budget. */
class ShipDecisionTest {

    private static final GateConfig PASS_RATE_75 = gate(new Budget(Measure.PASS_RATE, 0.75));

    @Test
    void marks_a_candidate_worse_on_every_axis_as_dominated_and_a_trade_off_as_not() {
        List<TargetMetrics> run = List.of(target("fast", 90, 10, 0, 100, 0.001),
                target("slow-and-worse", 80, 20, 0, 200, 0.002), target("accurate", 95, 5, 0, 300, 0.003));

        ShipDecision decision = ShipDecision.decide(run, GateConfig.NONE, "s");

        assertThat(decision.candidates()).extracting(ShipDecision.Candidate::targetId, ShipDecision.Candidate::dominated)
                .containsExactly(tuple("fast", false),
                        tuple("slow-and-worse", true),
                        tuple("accurate", false));
        assertThat(decision.candidates().get(1).dominatedBy()).containsExactly("fast");
    }

    @Test
    void equal_candidates_do_not_dominate_each_other() {
        List<TargetMetrics> run = List.of(target("a", 90, 10, 0, 100, 0.001), target("b", 90, 10, 0, 100, 0.001));

        ShipDecision decision = ShipDecision.decide(run, GateConfig.NONE, "s");

        assertThat(decision.candidates()).noneMatch(ShipDecision.Candidate::dominated);
    }

    @Test
    void recommends_the_cheapest_candidate_that_meets_every_budget() {
        List<TargetMetrics> run = List.of(target("cheap", 60, 40, 0, 100, 0.0001),
                target("mid", 90, 10, 0, 300, 0.001), target("premium", 97, 3, 0, 500, 0.01));

        ShipDecision decision = ShipDecision.decide(run, PASS_RATE_75, "s");

        assertThat(decision.recommended()).contains("mid");
        assertThat(decision.reason())
                .isEqualTo("mid: cheapest that meets every budget (pass rate 0.900 >= 0.75; cost $0.001000/request)");
        assertThat(decision.why()).startsWith("cheapest that meets every budget");
        assertThat(decision.candidates().getFirst().meetsBudgets()).isFalse();
        assertThat(decision.candidates().getFirst().budgetFailures())
                .containsExactly("s/cheap pass rate is 0.600, but expected minimum is 0.750");
    }

    @Test
    void at_equal_cost_the_higher_pass_rate_is_recommended() {
        GateConfig gate = gate(new Budget(Measure.PASS_RATE, 0.75), new Budget(Measure.ERROR_RATE, 0.2));
        List<TargetMetrics> run = List.of(target("good", 88, 12, 0, 100, 0.0),
                target("better", 95, 5, 0, 100, 0.0));

        ShipDecision decision = ShipDecision.decide(run, gate, "s");

        assertThat(decision.recommended()).contains("better");
        assertThat(decision.reason()).isEqualTo("better: cheapest that meets every budget (pass rate 0.950 >= 0.75,"
                + " error rate 0.000 <= 0.2; cost $0/request); at equal cost the higher pass rate, then the lower p95"
                + " wins");
    }

    @Test
    void recommends_nothing_and_names_each_candidates_first_missed_budget_when_none_meets() {
        GateConfig gate = gate(new Budget(Measure.PASS_RATE, 0.75), new Budget(Measure.ERROR_RATE, 0.02));
        List<TargetMetrics> run = List.of(target("a", 60, 40, 0, 100, 0.001), target("b", 80, 0, 20, 100, 0.002));

        ShipDecision decision = ShipDecision.decide(run, gate, "s");

        // 80/100: Wilson (0.711, 0.867) straddles 0.75, and an INCONCLUSIVE budget is not met
        assertThat(decision.recommended()).isEmpty();
        assertThat(decision.reason()).isEqualTo("no candidate meets every budget:"
                + " a: s/a pass rate is 0.600, but expected minimum is 0.750;"
                + " b: s/b pass rate is 0.800, inconclusive against minimum 0.750 (interval 0.711 to 0.867)");
        assertThat(decision.candidates().get(1).budgetFailures()).hasSize(2)
                .last().isEqualTo("s/b error rate is 0.200, but expected maximum is 0.020");
    }

    @Test
    void an_unknown_cost_ranks_as_the_most_expensive_and_says_so() {
        List<TargetMetrics> run = List.of(target("unpriced", 95, 5, 0, 100, null),
                target("priced", 95, 5, 0, 100, 0.05));

        ShipDecision budgeted = ShipDecision.decide(run, PASS_RATE_75, "s");
        ShipDecision open = ShipDecision.decide(run, GateConfig.NONE, "s");

        assertThat(budgeted.recommended()).contains("priced");
        assertThat(budgeted.candidates().getFirst().costPerRequestUsd()).isNull();
        assertThat(budgeted.candidates().getFirst().dominatedBy()).containsExactly("priced");
        assertThat(budgeted.notes()).contains("unpriced: cost per request unknown, so it ranks as the most expensive");
        assertThat(open.recommended()).contains("priced");
    }

    @Test
    void an_inconclusive_budget_is_not_met() {
        // 20 calls are too few for a p95 interval, so even a p95 far below the budget cannot be shown
        List<TargetMetrics> run = List.of(target("small", 20, 0, 0, 10, 0.0));

        ShipDecision decision = ShipDecision.decide(run, gate(new Budget(Measure.P95_LATENCY_MS, 800)), "s");

        assertThat(decision.recommended()).isEmpty();
        assertThat(decision.candidates().getFirst().budgetFailures()).containsExactly("s/small p95 latency ms cannot"
                + " be judged: too few calls for a p95 interval: 20 < 72 live calls; run more cases to decide a p95"
                + " budget");
    }

    @Test
    void without_budgets_recommends_the_cheapest_candidate_that_is_not_dominated() {
        List<TargetMetrics> run = List.of(target("accurate", 95, 5, 0, 300, 0.003),
                target("cheap", 70, 30, 0, 100, 0.0005), target("dominated", 60, 40, 0, 400, 0.004));

        ShipDecision decision = ShipDecision.decide(run, GateConfig.NONE, "s");

        assertThat(decision.recommended()).contains("cheap");
        assertThat(decision.reason()).isEqualTo("cheap: no budgets in the suite's gate: cheapest candidate that is not"
                + " dominated (cost $0.000500/request)");
        assertThat(decision.candidates()).allMatch(ShipDecision.Candidate::meetsBudgets);
    }

    @Test
    void a_candidate_with_an_unknown_cost_is_never_called_the_cheapest() {
        List<TargetMetrics> onlyOne = List.of(target("unpriced", 95, 5, 0, 100, null),
                target("weak", 50, 50, 0, 100, 0.0));
        List<TargetMetrics> two = List.of(target("unpriced", 95, 5, 0, 100, null),
                target("also-unpriced", 96, 4, 0, 100, null));

        ShipDecision single = ShipDecision.decide(onlyOne, PASS_RATE_75, "s");
        ShipDecision several = ShipDecision.decide(two, PASS_RATE_75, "s");

        assertThat(single.recommended()).contains("unpriced");
        assertThat(single.reason()).isEqualTo("unpriced: the only candidate that meets every budget (pass rate 0.950"
                + " >= 0.75; cost unknown)").doesNotContain("cheapest");
        assertThat(several.recommended()).isEmpty();
        assertThat(several.reason()).isEqualTo("no recommendation: unpriced, also-unpriced meet every budget, but"
                + " their cost is unknown, so none can be called the cheapest; set input_per_mtok/output_per_mtok or"
                + " per_request on the targets");
    }

    @Test
    void a_priced_candidate_beside_an_unpriced_one_is_cheapest_only_among_known_costs() {
        List<TargetMetrics> run = List.of(target("unpriced", 95, 5, 0, 100, null),
                target("priced", 90, 10, 0, 100, 0.05));

        ShipDecision decision = ShipDecision.decide(run, PASS_RATE_75, "s");

        assertThat(decision.recommended()).contains("priced");
        assertThat(decision.reason()).endsWith("among those with a known cost; the cost of unpriced is unknown");
    }

    @Test
    void a_candidate_that_errored_on_every_case_is_never_recommended() {
        // unreachable: every call errored and its cost is unknown
        List<TargetMetrics> run = List.of(target("down", 0, 0, 20, 5, null),
                target("up", 15, 5, 0, 100, 0.01));
        List<TargetMetrics> alone = List.of(target("down", 0, 0, 20, 5, null));

        ShipDecision open = ShipDecision.decide(run, GateConfig.NONE, "s");
        ShipDecision budgeted = ShipDecision.decide(alone, gate(new Budget(Measure.ERROR_RATE, 1.0)), "s");
        ShipDecision nothingElse = ShipDecision.decide(alone, GateConfig.NONE, "s");

        assertThat(open.recommended()).contains("up");
        assertThat(budgeted.recommended()).isEmpty();
        assertThat(budgeted.candidates().getFirst().budgetFailures().getFirst())
                .isEqualTo("s/down errored on every case (20 of 20), so there is no answer to judge");
        assertThat(nothingElse.recommended()).isEmpty();
        assertThat(nothingElse.reason()).isEqualTo("no recommendation: down: s/down errored on every"
                + " case (20 of 20), so there is no answer to judge");
    }

    @Test
    void an_incomplete_run_gets_no_recommendation() {
        List<TargetMetrics> run = List.of(target("mid", 90, 10, 0, 300, 0.001));

        ShipDecision decision = ShipDecision.decide(run, PASS_RATE_75, "s").incomplete(100, 240);

        assertThat(decision.recommended()).isEmpty();
        assertThat(decision.reason()).isEqualTo("no recommendation: the run is incomplete (100 of 240 cases)");
        assertThat(decision.candidates()).hasSize(1);
    }

    private static GateConfig gate(Budget... budgets) {
        return new GateConfig(List.of(budgets), List.of(), false, List.of());
    }

    /** A target's metrics over passed + failed + errored cases, every call taking latencyMs and costing costUsd. */
    private static TargetMetrics target(String id, int passed, int failed, int errored, double latencyMs,
                                        Double costUsd) {
        TargetMetricsCollector collector = new TargetMetricsCollector(id, List.of(), false);
        int n = 0;
        for (int i = 0; i < passed; i++) {
            collector.add(result(id, n++, sample(Outcome.PASS, latencyMs, costUsd)));
        }
        for (int i = 0; i < failed; i++) {
            collector.add(result(id, n++, sample(Outcome.FAIL, latencyMs, costUsd)));
        }
        for (int i = 0; i < errored; i++) {
            collector.add(result(id, n++, new Sample(0, null, null, Outcome.ERROR, 0,
                    List.of(Score.error("equals", "timeout")), latencyMs, null, costUsd, 1,
                    new CallError("timeout", "no answer"))));
        }
        return collector.finish(Duration.ofSeconds(1));
    }

    private static Sample sample(Outcome outcome, double latencyMs, Double costUsd) {
        Score score = outcome == Outcome.PASS ? Score.pass("equals", "matched") : Score.fail("equals", "differs");
        return new Sample(0, "ok", "ok", outcome, score.value(), List.of(score), latencyMs, null, costUsd, 1, null);
    }

    private static CaseResult result(String target, int n, Sample sample) {
        return CaseResult.of(target, Case.of("c" + n, "input " + n, Expected.text("ok")), List.of(sample));
    }
}
