package dev.evalgate.cli.imports.promptfoo;

import java.util.Map;

/** What one promptfoo assertion of one case becomes in evalgate. */
sealed interface Mapped {

    /** An item of the case's {@code asserts} list, scored by {@code case-asserts}. */
    record Check(Map<String, Object> item) implements Mapped {
    }

    /**
     * A model-graded assertion, for the {@code judge} scorer.
     *
     * @param mode     {@code rubric} or {@code reference}
     * @param text     the rubric, or for {@code reference} the reference answer
     * @param provider the assertion's own grading provider, or null
     * @param node     where the assertion is written
     */
    record Judged(String type, String mode, String text, dev.evalgate.config.ConfigNode provider,
                  dev.evalgate.config.ConfigNode node) implements Mapped {
    }

    /** A limit on a measure of the whole run, for the gate's absolute budgets. */
    record Budget(String measure, double limit) implements Mapped {
    }

    /** Not carried over; the reason is recorded in the findings. */
    record Left() implements Mapped {
    }
}
