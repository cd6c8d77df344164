package dev.evalgate.score;

/**
 * A scorer as a suite configured it, ready to run.
 *
 * @param id             the kind's id, e.g. {@code equals}
 * @param classification true for classification scorers ({@code label}), which add precision/recall metrics
 * @param spec           the id and options as short canonical text, e.g. {@code equals{normalize=[trim, lowercase]}};
 *                       stored with each run so comparisons can tell when scoring changed
 */
public record ConfiguredScorer(String id, Scorer scorer, boolean classification, String spec) {

    /** Whether the scorer compares against each case's expected answer (see {@link Scorer#needsExpected()}). */
    public boolean needsExpected() {
        return scorer.needsExpected();
    }

    /** The ids of the scorers in {@code scorers} that need an expected answer, each once. */
    public static java.util.List<String> needingExpected(java.util.List<ConfiguredScorer> scorers) {
        return scorers.stream().filter(ConfiguredScorer::needsExpected).map(ConfiguredScorer::id).distinct().toList();
    }
}
