package dev.evalgate.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands each test an {@link Evaluation.Builder} already named after the test.
 *
 * <pre>{@code
 * @ExtendWith(EvalgateExtension.class)
 * class IntentEvalTest {
 *     @Test
 *     void classifies_intents(Evaluation.Builder eval) {
 *         EvalResult result = eval.dataset(Path.of("cases.jsonl")).target("mini", classifier::classify).run();
 *         EvalAssertions.assertThat(result).passRateAtLeast(0.9);
 *     }
 * }
 * }</pre>
 *
 * <p>The suite is named {@code <TestClass>.<method>}, so each test's report lands in its own
 * {@code target/evalgate/<TestClass>.<method>.json} and {@code .md}.
 */
public final class EvalgateExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Evaluation.Builder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String method = context.getTestMethod().map(m -> m.getName()).orElse("eval");
        String testClass = context.getTestClass().map(Class::getSimpleName).orElse("Evaluation");
        return Evaluation.suite(testClass + "." + method);
    }
}
