package dev.evalgate.metric;

/**
 * How well a classifier did on one label. A ratio whose denominator is 0 (a label never predicted, or never
 * expected) is 0, the usual convention, so that macro-F1 stays defined.
 *
 * @param support cases whose expected label this is
 */
public record LabelMetrics(String label, double precision, double recall, double f1, long support) {
}
