package dev.evalgate.junit;

import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A JUnit 5 extension that hands each test an {@link Evaluation.Builder} already named after the test, and runs
 * and gates the suite file of a test marked {@link EvalSuite}.
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
 * <p>A builder suite is named {@code <TestClass>.<method>}, so each test's report lands in its own
 * {@code target/evalgate/<TestClass>.<method>.json} and {@code .md}. An {@link EvalSuite} test runs its suite
 * before the method body and fails there, with the gate's lines, when the gate fails the build.
 */
public final class EvalgateExtension implements ParameterResolver, BeforeTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EvalgateExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Evaluation.Builder.class || (type == EvalResult.class && annotation(context).isPresent());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == EvalResult.class) {
            return result(context, annotation(context).orElseThrow(() -> new ParameterResolutionException(
                    "an EvalResult parameter needs @EvalSuite(file = \"evalgate.yaml\") on the test method")));
        }
        String method = context.getTestMethod().map(Method::getName).orElse("eval");
        String testClass = context.getTestClass().map(Class::getSimpleName).orElse("Evaluation");
        return Evaluation.suite(testClass + "." + method);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Optional<EvalSuite> suite = annotation(context);
        if (suite.isEmpty()) {
            return;
        }
        EvalResult result = result(context, suite.get());
        EvalAssertions.Assert verdict = EvalAssertions.assertThat(result);
        if (suite.get().baseline().isBlank()) {
            verdict.passesGate();
        } else {
            verdict.passesGate(projectDir().resolve(suite.get().baseline()));
        }
    }

    /** The suite's run for this test, made once and shared by the gate check and the parameter. */
    private static EvalResult result(ExtensionContext context, EvalSuite suite) {
        return context.getStore(NAMESPACE).computeIfAbsent("result",
                key -> Evaluation.fromSuite(projectDir().resolve(suite.file())).run(), EvalResult.class);
    }

    private static Optional<EvalSuite> annotation(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getAnnotation(EvalSuite.class));
    }

    /** Maven's basedir when surefire set it, else the working directory. */
    static Path projectDir() {
        String basedir = System.getProperty("basedir");
        return basedir == null || basedir.isBlank() ? Path.of("") : Path.of(basedir);
    }
}
