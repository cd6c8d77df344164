package dev.evalgate.junit;

import dev.evalgate.compare.BaselineFile;
import dev.evalgate.cost.Price;
import dev.evalgate.target.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvalAssertionsTest {

    private static EvalResult tenthWrong;

    @BeforeAll
    static void run() {
        tenthWrong = Evaluation.suite("assertions").dataset(SampleCases.cases())
                .target("lambda", SampleCases.wrongEvery(10)).run();
    }

    @Test
    void passes_when_the_whole_pass_rate_interval_clears_the_minimum() {
        // 180 of 200: the Wilson interval is about 0.851 to 0.935
        assertThatCode(() -> EvalAssertions.assertThat(tenthWrong).passRateAtLeast(0.80)).doesNotThrowAnyException();
    }

    @Test
    void fails_with_the_gate_line_when_the_pass_rate_is_below_the_minimum() {
        assertThatThrownBy(() -> EvalAssertions.assertThat(tenthWrong).passRateAtLeast(0.95))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("assertions/lambda pass rate is 0.900, but expected minimum is 0.950");
    }

    @Test
    void fails_when_the_interval_straddles_the_minimum() {
        assertThatThrownBy(() -> EvalAssertions.assertThat(tenthWrong).passRateAtLeast(0.90))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("INCONCLUSIVE       assertions/lambda pass rate is 0.900, inconclusive against"
                        + " minimum 0.900");
    }

    @Test
    void passes_a_generous_p95_budget() {
        assertThatCode(() -> EvalAssertions.assertThat(tenthWrong).p95Below(Duration.ofMinutes(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void fails_a_cost_budget_when_the_target_has_no_price() {
        assertThatThrownBy(() -> EvalAssertions.assertThat(tenthWrong).costPerRequestBelow(0.01))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("cost per request usd cannot be judged");
    }

    @Test
    void checks_only_the_chosen_target() {
        EvalResult two = Evaluation.suite("chosen").dataset(SampleCases.cases())
                .target("good", SampleCases.alwaysRight())
                .target("bad", SampleCases.wrongEvery(2)).run();

        assertThatCode(() -> EvalAssertions.assertThat(two).target("good").passRateAtLeast(0.95))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> EvalAssertions.assertThat(two).passRateAtLeast(0.95))
                .hasMessageContaining("chosen/bad pass rate is 0.500");
    }

    @Test
    void passes_against_a_baseline_of_the_same_behaviour(@TempDir Path dir) {
        Path baseline = dir.resolve("baseline.json");
        BaselineFile.write(tenthWrong.record(), baseline);

        assertThatCode(() -> EvalAssertions.assertThat(tenthWrong).noSignificantRegressionAgainst(baseline, 0.05))
                .doesNotThrowAnyException();
    }

    @Test
    void fails_against_a_baseline_it_is_clearly_worse_than(@TempDir Path dir) {
        Path baseline = dir.resolve("baseline.json");
        BaselineFile.write(tenthWrong.record(), baseline);
        EvalResult worse = Evaluation.suite("assertions").dataset(SampleCases.cases())
                .target("lambda", SampleCases.wrongEvery(3)).run();

        assertThatThrownBy(() -> EvalAssertions.assertThat(worse).noSignificantRegressionAgainst(baseline, 0.05))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("FAIL               assertions/lambda pass rate change is -0.235")
                .hasMessageEndingWith("verdict: FAIL (fails the build)");
    }

    @Test
    void judges_the_cost_of_a_priced_target_that_reports_tokens() {
        EvalResult priced = Evaluation.suite("priced").dataset(SampleCases.cases())
                .callTarget("metered", request -> Reply.of("answer", 1_000, 100), Price.perMtok(1.0, 10.0)).run();

        // 1,000 tokens in at $1/M plus 100 out at $10/M is $0.002 a call
        assertThat(priced.costPerRequest("metered")).isCloseTo(0.002, within(1e-12));
        assertThatCode(() -> EvalAssertions.assertThat(priced).costPerRequestBelow(0.003)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EvalAssertions.assertThat(priced).costPerRequestBelow(0.001))
                .hasMessageContaining("priced/metered cost per request usd is 0.002, but expected maximum is 0.001");
    }

    @Test
    void applies_a_gate_given_to_the_builder_with_every_margin(@TempDir Path dir) {
        Path baseline = dir.resolve("baseline.json");
        BaselineFile.write(tenthWrong.record(), baseline);
        EvalResult worse = Evaluation.suite("assertions").dataset(SampleCases.cases())
                .target("lambda", SampleCases.wrongEvery(3))
                .gate("absolute: { pass_rate: \">= 0.5\" }\nbaseline: { pass_rate: { margin: 0.05 } }").run();

        assertThatCode(() -> EvalAssertions.assertThat(worse).passesGate()).doesNotThrowAnyException();
        assertThatThrownBy(() -> EvalAssertions.assertThat(worse).passesGate(baseline))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Gate of suite assertions on run " + worse.runId() + " against "
                        + tenthWrong.runId() + "\n\nPASS               assertions/lambda pass rate is 0.665,"
                        + " within minimum 0.500\nFAIL               assertions/lambda pass rate change is -0.235");
    }
}
