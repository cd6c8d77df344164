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
}
