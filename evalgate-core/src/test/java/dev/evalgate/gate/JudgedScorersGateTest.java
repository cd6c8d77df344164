package dev.evalgate.gate;

import dev.evalgate.calibration.Calibration;
import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.score.Outcome;
import dev.evalgate.stats.JudgeCalibration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Judged budgets and margins decided per judge scorer, each on its own judge's corrected figures. */
class JudgedScorersGateTest {

    private static GateConfig gate(String yaml) {
        return GateConfig.parse(YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of())));
    }

    private static RunRecord run(String id, int passes) {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean pass = i < passes;
            cases.add(new CaseRecord(String.format("c%03d", i), pass ? Outcome.PASS : Outcome.FAIL, pass ? 1 : 0,
                    pass ? 1 : 0, 100, 10L, 2L, 0.001, "a", "answer", Map.of()));
        }
        return new RunRecord(id, "demo", "hash", List.of("judge{}"), List.of(new RunRecord.TargetSpec("t", "{}")),
                List.of(new TargetRecord("t", cases)));
    }

    private static CalibrationStatus calibrated(String fingerprint, long a, long b, long c, long d) {
        return new CalibrationStatus.Usable(new Calibration("x", fingerprint, new JudgeCalibration(a, b, c, d), 0,
                "labels/x.jsonl", Instant.EPOCH));
    }

    /** Verdicts of 400 cases: the first {@code passes} passed. */
    private static Map<String, Boolean> verdicts(int passes) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            out.put(String.format("c%03d", i), i < passes);
        }
        return out;
    }

    private static JudgedEvidence rates(JudgedRate faithful, JudgedRate tone) {
        Map<String, JudgedRate> byScorer = new LinkedHashMap<>();
        byScorer.put("faithful", faithful);
        byScorer.put("tone", tone);
        return new JudgedEvidence(Map.of("t", byScorer), Map.of());
    }

    @Test
    void a_scalar_judged_budget_holds_every_judge_scorer_to_the_limit_each_on_its_own_correction() {
        // faithful: raw 0.69 by a judge with q1 0.9, q0 0.8 -> about 0.70; tone: a lenient judge makes raw 0.75 of
        // about 0.45 true
        JudgedRate faithful = JudgedRate.of(690, 1000, calibrated("f", 90, 20, 10, 80));
        JudgedRate tone = JudgedRate.of(750, 1000, calibrated("t", 950, 600, 50, 400));

        GateReport report = new SuiteGate(gate("absolute: { judged_pass_rate: \">= 0.60\" }\n"),
                rates(faithful, tone)).evaluate(SuiteGate.Evidence.of(run("h", 300), null, 1));

        assertThat(report.checks()).extracting(GateCheck::measure)
                .containsExactly("judged pass rate (faithful)", "judged pass rate (tone)");
        assertThat(report.checks()).extracting(GateCheck::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
    }

    @Test
    void a_mapping_gives_each_named_judge_scorer_its_own_limit() {
        JudgedRate faithful = JudgedRate.of(690, 1000, calibrated("f", 90, 20, 10, 80));
        JudgedRate tone = JudgedRate.of(750, 1000, calibrated("t", 950, 600, 50, 400));

        GateReport report = new SuiteGate(gate("absolute: { judged_pass_rate: { tone: \">= 0.30\" } }\n"),
                rates(faithful, tone)).evaluate(SuiteGate.Evidence.of(run("h", 300), null, 1));

        assertThat(report.checks()).singleElement().satisfies(c -> {
            assertThat(c.measure()).isEqualTo("judged pass rate (tone)");
            assertThat(c.verdict()).isEqualTo(Verdict.PASS);
        });
        GateReport unknown = new SuiteGate(gate("absolute: { judged_pass_rate: { style: \">= 0.30\" } }\n"),
                rates(faithful, tone)).evaluate(SuiteGate.Evidence.of(run("h", 300), null, 1));
        assertThat(unknown.checks().getFirst().message()).contains("no judge scorer named 'style'")
                .contains("faithful, tone");
    }

    @Test
    void a_judged_budget_mapping_needs_limits() {
        assertThatThrownBy(() -> gate("absolute: { judged_pass_rate: { tone: { x: 1 } } }\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("judge scorer 'tone'");
    }

    @Test
    void a_judged_margin_is_decided_on_the_corrected_change_of_one_calibrated_judge() {
        // true change -0.10, judged through J = 0.7: the raw judged change is only -0.07, inside a 0.08 margin;
        // corrected it is -0.10, outside it
        CalibrationStatus judge = calibrated("same", 900, 200, 100, 800);
        JudgedRate base = JudgedRate.of(280, 400, judge);
        JudgedRate head = JudgedRate.of(252, 400, judge);
        JudgedChange change = JudgedChange.of("faithful", verdicts(280), verdicts(252), base, head);
        assertThat(change.judged().difference()).isCloseTo(-0.07, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(change.estimate().difference()).isCloseTo(-0.10, org.assertj.core.api.Assertions.within(1e-9));
        JudgedEvidence evidence = new JudgedEvidence(Map.of("t", Map.of("faithful", head)),
                Map.of("t", Map.of("faithful", change)));

        GateReport report = new SuiteGate(gate("baseline: { judged_pass_rate: { margin: 0.08 } }\n"), evidence)
                .evaluate(SuiteGate.Evidence.of(run("h", 252), run("b", 280), 1));

        GateCheck check = report.checks().stream().filter(c -> c.measure().startsWith("judged")).findFirst()
                .orElseThrow();
        assertThat(check.measure()).isEqualTo("judged pass rate (faithful) change");
        assertThat(check.actual()).isCloseTo(-0.10, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(check.verdict()).isNotEqualTo(Verdict.PASS);
        assertThat(report.notes()).anyMatch(n -> n.contains("corrected change is -0.100"));
    }

    @Test
    void a_judged_margin_is_inconclusive_when_the_runs_had_different_judges_or_a_judge_near_chance() {
        JudgedRate base = JudgedRate.of(280, 400, calibrated("old", 90, 20, 10, 80));
        JudgedRate head = JudgedRate.of(252, 400, calibrated("new", 90, 20, 10, 80));
        JudgedChange differ = JudgedChange.of("faithful", verdicts(280), verdicts(252), base, head);
        CalibrationStatus coin = calibrated("coin", 50, 50, 50, 50);
        JudgedChange chance = JudgedChange.of("tone", verdicts(280), verdicts(252), JudgedRate.of(280, 400, coin),
                JudgedRate.of(252, 400, coin));
        JudgedEvidence evidence = new JudgedEvidence(Map.of(),
                Map.of("t", new LinkedHashMap<>(Map.of("faithful", differ, "tone", chance))));

        GateReport report = new SuiteGate(gate("baseline: { judged_pass_rate: { margin: 0.05 } }\n"), evidence)
                .evaluate(SuiteGate.Evidence.of(run("h", 252), run("b", 280), 1));

        List<GateCheck> judged = report.checks().stream().filter(c -> c.measure().startsWith("judged")).toList();
        assertThat(judged).hasSize(2).allMatch(c -> c.verdict() == Verdict.INCONCLUSIVE);
        assertThat(judged).anyMatch(c -> c.message().contains("calibration fingerprints differ"));
        assertThat(judged).anyMatch(c -> c.message().contains("may be no better than chance"));
    }

    @Test
    void an_uncalibrated_run_gives_no_corrected_change_and_says_why() {
        JudgedRate base = JudgedRate.of(280, 400, new CalibrationStatus.Unusable("no labels yet", false));
        JudgedRate head = JudgedRate.of(252, 400, calibrated("f", 90, 20, 10, 80));
        JudgedChange change = JudgedChange.of("judge", verdicts(280), verdicts(252), base, head);
        assertThat(change.estimate()).isNull();
        assertThat(change.reason()).isEqualTo("the base run's judged rate is not corrected: no labels yet");
        assertThat(change.describe()).startsWith("raw judged change -7.0 pts").contains("no corrected change");
    }
}
