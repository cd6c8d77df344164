package dev.evalgate.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

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
