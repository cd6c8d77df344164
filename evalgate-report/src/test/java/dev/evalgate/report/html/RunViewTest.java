package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.Comparer;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.gate.Bound;
import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.Verdict;
import dev.evalgate.run.HarnessOverhead;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.Proportion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import static dev.evalgate.report.html.Records.error;
import static dev.evalgate.report.html.Records.fail;
import static dev.evalgate.report.html.Records.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunViewTest {

    /** c01–c05 expect "billing", c06–c10 "refund"; the first five are tagged channel=email, the rest chat. */
    private static String label(int i) {
        return i <= 5 ? "billing" : "refund";
    }

    private static String id(int i) {
        return String.format("c%02d", i);
    }

    private static TargetRecord target(String name, IntFunction<CaseRecord> caseOf) {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            cases.add(Records.tagged(caseOf.apply(i), Map.of("channel", i <= 5 ? "email" : "chat")));
        }
        return new TargetRecord(name, cases);
    }

    /**
     * api: 8 of 10 pass at $0.002, c05 answers "refund" for billing, c10 errors; latencies 10, 20 … 90 ms live.
     * local: 5 of 10 at $0, always "billing". pricey: 7 of 10 at $0.003, misses answer "shipping".
     * unknown: 10 of 10, cost unknown.
     */
    private static RunRecord run(String runId) {
        TargetRecord api = target("api", i -> i == 5 ? fail(id(i), label(i), "refund", 50, 0.002)
                : i == 10 ? error(id(i), label(i), 0.002) : pass(id(i), label(i), i * 10, 0.002));
        TargetRecord local = target("local", i -> i <= 5 ? pass(id(i), label(i), 1, 0.0)
                : fail(id(i), label(i), "billing", 1, 0.0));
        TargetRecord pricey = target("pricey", i -> i <= 7 ? pass(id(i), label(i), 200, 0.003)
                : fail(id(i), label(i), "shipping", 300, 0.003));
        TargetRecord unknown = target("unknown", i -> pass(id(i), label(i), 5, null));
        return Records.run(runId, List.of("label"), List.of("channel"), api, local, pricey, unknown);
    }

    private static JsonNode targetRow(JsonNode view, String id) {
        for (JsonNode t : view.get("targets")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no target " + id);
    }

    @Test
    void pass_rates_and_wilson_intervals_match_the_cases() {
        JsonNode api = targetRow(RunView.of(run("r1")).build(), "api");

        Interval wilson = Proportion.wilson(8, 10, 0.95);
        assertThat(api.get("n").asInt()).isEqualTo(10);
        assertThat(api.get("passed").asInt()).isEqualTo(8);
        assertThat(api.get("passRate").asDouble()).isEqualTo(0.8);
        assertThat(api.get("passLo").asDouble()).isCloseTo(wilson.lower(), within(1e-12));
        assertThat(api.get("passHi").asDouble()).isCloseTo(wilson.upper(), within(1e-12));
        assertThat(api.get("errors").asInt()).isEqualTo(1);
        assertThat(api.get("errorRate").asDouble()).isEqualTo(0.1);
        assertThat(api.get("costPerRequest").asDouble()).isCloseTo(0.002, within(1e-12));
    }

    @Test
    void p50_and_p95_are_nearest_rank_over_live_calls_only() {
        JsonNode view = RunView.of(run("r1")).build();

        // nine live latencies 10..90 (c10 errored without one): p95 is rank ceil(8.55) = 9, p50 rank 5
        assertThat(targetRow(view, "api").get("p95").asDouble()).isEqualTo(90);
        assertThat(targetRow(view, "api").get("p50").asDouble()).isEqualTo(50);
        JsonNode curve = view.get("latency").get(0);
        assertThat(curve.get("target").asText()).isEqualTo("api");
        assertThat(curve.get("live").asInt()).isEqualTo(9);
        assertThat(curve.get("p95").asDouble()).isEqualTo(90);
        assertThat(curve.get("cdf")).hasSize(9);
        assertThat(curve.get("cdf").get(8).get(0).asDouble()).isEqualTo(90);
        assertThat(curve.get("cdf").get(8).get(1).asDouble()).isEqualTo(1.0);
        assertThat(curve.get("cdf").get(0).get(1).asDouble()).isCloseTo(1.0 / 9, within(1e-12));
    }

    @Test
    void the_header_says_what_the_harness_added_per_call_or_nothing_when_unmeasured() {
        HarnessOverhead overhead = new HarnessOverhead(0.2, 0.4, 50, HarnessOverhead.LOOPBACK);

        JsonNode measured = RunView.of(run("r1")).facts(RunFacts.none().withHarness(overhead)).build();
        JsonNode unmeasured = RunView.of(run("r1")).build();

        assertThat(measured.get("harness").asText())
                .isEqualTo("harness adds 0.4 ms at p95 per call (p50 0.2 ms, loopback, 50 calls)");
        assertThat(unmeasured.get("harness").isNull()).isTrue();
    }

    @Test
    void frontier_keeps_the_candidates_nothing_beats_on_both_cost_and_pass_rate() {
        JsonNode view = RunView.of(run("r1")).facts(new RunFacts(null, null, Set.of("local"))).build();

        assertThat(targetRow(view, "local").get("onFrontier").asBoolean()).isTrue();
        assertThat(targetRow(view, "local").get("local").asBoolean()).isTrue();
        assertThat(targetRow(view, "api").get("onFrontier").asBoolean()).isTrue();
        assertThat(targetRow(view, "pricey").get("onFrontier").asBoolean()).as("api is cheaper and better").isFalse();
        assertThat(targetRow(view, "unknown").get("onFrontier").asBoolean()).as("cost unknown").isFalse();
        assertThat(targetRow(view, "unknown").get("costPerRequest").isNull()).isTrue();
    }

    @Test
    void a_local_target_without_stated_costs_costs_zero() {
        TargetRecord baseline = Records.target("keywords", pass("c1", "a", 1, null), fail("c2", "b", "a", 1, null));
        RunRecord run = Records.run("r1", List.of("label"), List.of(), baseline);

        JsonNode row = targetRow(RunView.of(run).facts(new RunFacts(null, null, Set.of("keywords"))).build(),
                "keywords");

        assertThat(row.get("costPerRequest").asDouble()).isZero();
        assertThat(row.get("onFrontier").asBoolean()).isTrue();
    }

    @Test
    void confusion_counts_expected_against_answered_with_other_and_error_columns() {
        JsonNode confusion = RunView.of(run("r1")).build().get("confusion");

        JsonNode api = confusion.get(0);
        assertThat(api.get("target").asText()).isEqualTo("api");
        assertThat(api.get("labels").toString()).isEqualTo("[\"billing\",\"refund\"]");
        assertThat(api.get("columns").toString()).isEqualTo("[\"billing\",\"refund\",\"(error)\"]");
        assertThat(api.get("counts").toString()).isEqualTo("[[4,1,0],[0,4,1]]");
        JsonNode local = confusion.get(1);
        assertThat(local.get("columns").toString()).isEqualTo("[\"billing\",\"refund\"]");
        assertThat(local.get("counts").toString()).isEqualTo("[[5,0],[5,0]]");
        JsonNode pricey = confusion.get(2);
        assertThat(pricey.get("columns").toString()).isEqualTo("[\"billing\",\"refund\",\"(other)\"]");
        assertThat(pricey.get("counts").toString()).isEqualTo("[[5,0,0],[0,2,3]]");
    }

    @Test
    void answers_match_labels_as_the_label_scorer_does_trimmed_and_in_any_case() {
        TargetRecord t = Records.target("m", fail("c1", "Billing", " BILLING\n", 1, 0.0),
                pass("c2", "Refund", 1, 0.0), pass("c3", "Billing", 1, 0.0), pass("c4", "Refund", 1, 0.0));
        JsonNode m = RunView.of(Records.run("r", List.of("equals"), List.of(), t)).build().get("confusion").get(0);

        assertThat(m.get("labels").toString()).isEqualTo("[\"Billing\",\"Refund\"]");
        assertThat(m.get("counts").toString()).isEqualTo("[[2,0],[0,2]]");
    }

    @Test
    void free_text_answers_have_no_confusion_matrix() {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cases.add(pass("c" + i, "The order ships on day " + i + " from our warehouse.", 1, 0.0));
        }
        RunRecord run = Records.run("r", List.of("similarity"), List.of(), new TargetRecord("llm", cases));

        assertThat(RunView.of(run).build().get("confusion").isNull()).isTrue();
    }

    @Test
    void slices_give_each_value_its_own_pass_rate_and_interval() {
        JsonNode slices = RunView.of(run("r1")).build().get("slices");

        assertThat(slices).hasSize(2);
        JsonNode email = slices.get(1);
        assertThat(email.get("key").asText()).isEqualTo("channel");
        assertThat(email.get("value").asText()).isEqualTo("email");
        JsonNode api = email.get("targets").get(0);
        assertThat(api.get("n").asInt()).isEqualTo(5);
        assertThat(api.get("passed").asInt()).isEqualTo(4);
        assertThat(api.get("passLo").asDouble()).isCloseTo(Proportion.wilson(4, 5, 0.95).lower(), within(1e-12));
    }

    @Test
    void failures_list_every_case_not_passed_with_its_input_and_error_apart() {
        JsonNode failures = RunView.of(run("r1")).inputs(Map.of("c05", "please bill me", "c10", "money back"))
                .build().get("failures");

        // api 2, local 5, pricey 3, unknown 0
        assertThat(failures).hasSize(10);
        JsonNode wrong = failures.get(0);
        assertThat(wrong.get("caseId").asText()).isEqualTo("c05");
        assertThat(wrong.get("target").asText()).isEqualTo("api");
        assertThat(wrong.get("input").asText()).isEqualTo("please bill me");
        assertThat(wrong.get("expected").asText()).isEqualTo("billing");
        assertThat(wrong.get("output").asText()).isEqualTo("refund");
        assertThat(wrong.get("error").isNull()).isTrue();
        assertThat(wrong.get("latencyMs").asDouble()).isEqualTo(50);
        JsonNode errored = failures.get(1);
        assertThat(errored.get("outcome").asText()).isEqualTo("ERROR");
        assertThat(errored.get("output").isNull()).isTrue();
        assertThat(errored.get("error").asText()).isEqualTo("ERROR timeout: no answer in 30 s");
        assertThat(errored.get("latencyMs").isNull()).as("NaN is written as null").isTrue();
    }

    @Test
    void without_failures_the_view_has_no_failures_key() {
        assertThat(RunView.of(run("r1")).withoutFailures().build().has("failures")).isFalse();
    }

    @Test
    void a_plain_view_has_null_verdict_compare_and_facts() {
        ObjectNode view = RunView.of(run("r1")).build();

        assertThat(view.get("suite").asText()).isEqualTo("routing");
        assertThat(view.get("runId").asText()).isEqualTo("r1");
        assertThat(view.get("verdict").isNull()).isTrue();
        assertThat(view.get("compare").isNull()).isTrue();
        assertThat(view.get("startedAt").isNull()).isTrue();
        assertThat(view.get("commit").isNull()).isTrue();
    }

    @Test
    void facts_give_the_start_and_commit() {
        JsonNode view = RunView.of(run("r1"))
                .facts(new RunFacts(Instant.parse("2025-03-01T10:00:00Z"), "abc1234 main", Set.of())).build();

        assertThat(view.get("startedAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(view.get("commit").asText()).isEqualTo("abc1234 main");
    }

    @Test
    void verdict_carries_each_check_and_the_notes() {
        GateCheck passed = GateCheck.of("routing/api", "pass rate", 0.8, new Interval(0.49, 0.94), Bound.MINIMUM,
                0.7, Verdict.INCONCLUSIVE);
        GateReport report = new GateReport(List.of(passed), List.of("with 10 cases the interval is wide"),
                Verdict.INCONCLUSIVE, false);

        JsonNode verdict = RunView.of(run("r1")).verdict(report).build().get("verdict");

        assertThat(verdict.get("status").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.get("failsBuild").asBoolean()).isFalse();
        assertThat(verdict.get("lines").get(0).get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.get("lines").get(0).get("text").asText()).isEqualTo(passed.message());
        assertThat(verdict.get("notes").get(0).asText()).isEqualTo("with 10 cases the interval is wide");
        assertThat(verdict.get("headline").asText())
                .isEqualTo("Ships, with undecided checks: 1 check could not be decided on these cases.");
    }

    @Test
    void the_headline_says_when_an_undecided_check_fails_the_build() {
        GateCheck undecided = GateCheck.of("routing/api", "pass rate", 0.8, new Interval(0.49, 0.94), Bound.MINIMUM,
                0.7, Verdict.INCONCLUSIVE);
        GateCheck failed = GateCheck.of("routing/api", "error rate", 0.2, new Interval(0.1, 0.3), Bound.MAXIMUM,
                0.05, Verdict.FAIL);

        JsonNode blocking = RunView.of(run("r1"))
                .verdict(new GateReport(List.of(undecided), List.of(), Verdict.INCONCLUSIVE, true)).build();
        JsonNode failing = RunView.of(run("r1"))
                .verdict(new GateReport(List.of(undecided, failed), List.of(), Verdict.FAIL, true)).build();

        assertThat(blocking.get("verdict").get("headline").asText()).isEqualTo("The gate fails the build: 1 check"
                + " could not be decided on these cases (the gate says inconclusive: fail).");
        assertThat(failing.get("verdict").get("headline").asText())
                .isEqualTo("The gate fails the build: 1 check failed.");
    }

    @Test
    void compare_gives_the_paired_statistics_and_every_flip() {
        RunRecord base = run("base");
        // the head loses c01 on api and wins back c05
        TargetRecord api = target("api", i -> i == 1 ? fail(id(i), label(i), "refund", 10, 0.002)
                : i == 10 ? error(id(i), label(i), 0.002) : pass(id(i), label(i), i * 10, 0.002));
        RunRecord head = Records.run("head", List.of("label"), List.of("channel"), api);

        JsonNode compare = RunView.of(head).compare(new Comparer(2_000, 1).compare(base, head)).build()
                .get("compare");

        assertThat(compare.get("baseRunId").asText()).isEqualTo("base");
        assertThat(compare.get("warnings").get(0).asText()).startsWith("targets in only one run");
        JsonNode t = compare.get("targets").get(0);
        assertThat(t.get("id").asText()).isEqualTo("api");
        assertThat(t.get("paired").asInt()).isEqualTo(10);
        assertThat(t.get("difference").asDouble()).isZero();
        assertThat(t.get("regressed").asInt()).isEqualTo(1);
        assertThat(t.get("fixed").asInt()).isEqualTo(1);
        assertThat(t.get("mcnemarExactP").asDouble()).isEqualTo(1.0);
        assertThat(compare.get("flips")).hasSize(2);
        JsonNode regressed = compare.get("flips").get(0);
        assertThat(regressed.get("direction").asText()).isEqualTo("regressed");
        assertThat(regressed.get("caseId").asText()).isEqualTo("c01");
        assertThat(regressed.get("headOutput").asText()).isEqualTo("refund");
        assertThat(compare.get("flips").get(1).get("caseId").asText()).isEqualTo("c05");
    }
}
