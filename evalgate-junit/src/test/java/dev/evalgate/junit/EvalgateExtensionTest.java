package dev.evalgate.junit;

import dev.evalgate.compare.BaselineFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class EvalgateExtensionTest {

    private static final String SAMPLE = "evalgate.junit.sample";

    @Test
    void runs_one_passing_and_one_failing_eval_test_with_the_gate_line() {
        Events events;
        System.setProperty(SAMPLE, "true");
        try {
            events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SampleEvalTests.class)).execute()
                    .testEvents();
        } finally {
            System.clearProperty(SAMPLE);
        }

        events.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        List<String> messages = events.failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                        .getMessage())
                .toList();
        assertThat(messages).singleElement().asString()
                .contains("SampleEvalTests.misses_a_strict_minimum/lambda pass rate is 0.900,"
                        + " but expected minimum is 0.950");
    }

    @Test
    void runs_an_annotated_suite_file_and_fails_the_test_with_the_gate_lines() throws Exception {
        Path dir = Path.of("target", "annotated-suite");
        SampleSuites.write(dir, "evalgate.yaml", "annotated", 10, false, """
                absolute: { pass_rate: ">= 0.80" }
                baseline: { pass_rate: { margin: 0.05 } }""");
        SampleSuites.write(dir, "worse.yaml", "annotated", 3, false, """
                absolute: { pass_rate: ">= 0.80" }
                baseline: { pass_rate: { margin: 0.05 } }""");
        BaselineFile.write(Evaluation.fromSuite(dir.resolve("evalgate.yaml")).run().record(),
                dir.resolve("baseline.json"));

        Events events;
        System.setProperty(SAMPLE, "true");
        try {
            events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AnnotatedSuiteTests.class))
                    .execute().testEvents();
        } finally {
            System.clearProperty(SAMPLE);
        }

        events.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage()).startsWith("Gate of suite annotated on run ")
                .contains("\nFAIL               annotated/router pass rate is 0.665, but expected minimum is 0.800\n")
                .endsWith("verdict: FAIL (fails the build)");
        assertThat(AnnotatedSuiteTests.bodiesRun).containsExactly("passes_its_gate");
        assertThat(dir.resolve("../evalgate/annotated-gate.json")).content().contains("\"status\" : \"FAIL\"");
    }

    /** Run only through the test kit above: the property keeps a plain test run from executing it. */
    @EnabledIfSystemProperty(named = SAMPLE, matches = "true")
    static class AnnotatedSuiteTests {

        static final List<String> bodiesRun = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        @EvalSuite(file = "target/annotated-suite/evalgate.yaml", baseline = "target/annotated-suite/baseline.json")
        void passes_its_gate(EvalResult result) {
            bodiesRun.add("passes_its_gate");
            assertThat(result.passRate("router")).isEqualTo(0.9);
        }

        @Test
        @EvalSuite(file = "target/annotated-suite/worse.yaml", baseline = "target/annotated-suite/baseline.json")
        void misses_its_gate(EvalResult result) {
            bodiesRun.add("misses_its_gate");
        }
    }

    /** Run only through the test kit above: the property keeps a plain test run from executing it. */
    @EnabledIfSystemProperty(named = SAMPLE, matches = "true")
    @ExtendWith(EvalgateExtension.class)
    static class SampleEvalTests {

        @Test
        void meets_a_loose_minimum(Evaluation.Builder eval) {
            EvalResult result = eval.dataset(SampleCases.cases()).target("lambda", SampleCases.wrongEvery(10)).run();
            EvalAssertions.assertThat(result).passRateAtLeast(0.80);
        }

        @Test
        void misses_a_strict_minimum(Evaluation.Builder eval) {
            EvalResult result = eval.dataset(SampleCases.cases()).target("lambda", SampleCases.wrongEvery(10)).run();
            EvalAssertions.assertThat(result).passRateAtLeast(0.95);
        }
    }
}
