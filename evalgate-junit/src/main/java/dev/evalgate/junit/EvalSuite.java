package dev.evalgate.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that runs a suite file and passes only when the suite's own gate does, as {@code evalgate check}.
 *
 * <pre>{@code
 * @Test
 * @EvalSuite(file = "evalgate.yaml", baseline = "baseline.json")
 * void routes_tickets_well_enough(EvalResult result) {
 *     assertThat(result.passRate("router")).isGreaterThan(0.5); // optional: more checks of your own
 * }
 * }</pre>
 *
 * <p>Before the method runs, the suite is run (as {@link Evaluation#fromSuite} does), stored, and its gate is
 * applied against the baseline file; a gate that fails the build fails the test with the gate's verdict lines and
 * the method body is skipped. An {@link EvalResult} parameter receives the run. Paths are relative to the project
 * directory (Maven's {@code basedir}). Registers {@link EvalgateExtension} itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EvalgateExtension.class)
public @interface EvalSuite {

    /** The suite file, relative to the project directory. */
    String file() default "evalgate.yaml";

    /** The baseline file the gate's margins are held against; empty to check only the absolute budgets. */
    String baseline() default "";
}
