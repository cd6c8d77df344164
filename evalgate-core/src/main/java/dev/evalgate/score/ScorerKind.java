package dev.evalgate.score;

import dev.evalgate.config.Options;

/**
 * A kind of scorer a suite names under {@code scorers:}, such as {@code equals} or {@code regex}.
 *
 * <p>Built-ins are listed in {@link Scorers}; others register through {@link java.util.ServiceLoader}.
 */
public interface ScorerKind {

    /** The stable name used in suite files, the store and reports. */
    String id();

    /** Builds the scorer; read every option through {@code options} so unknown keys are reported. */
    Scorer create(Options options);

    /** True for the {@code label} scorer, which turns on precision/recall/F1 and the confusion matrix. */
    default boolean classification() {
        return false;
    }
}
