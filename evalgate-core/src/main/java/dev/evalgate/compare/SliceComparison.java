package dev.evalgate.compare;

/**
 * Baseline and head of one slice value of one target (e.g. {@code channel=email}): a report-only look for
 * suspicious slices that never decides the gate (eval-statistics §6).
 *
 * @param key          the slice key, e.g. {@code channel}
 * @param value        the tag value, or {@value #NONE} for paired cases without the tag
 * @param paired       paired cases with this value (tags as the head's cases carry them)
 * @param difference   head pass rate − baseline pass rate on those cases
 * @param midPTwoSided McNemar mid-p on the value's 2×2 table
 * @param adjustedP    the mid-p after Benjamini–Hochberg over every slice value of the target
 * @param flagged      adjusted p below {@value #FDR}: worth a look, never a failure
 */
public record SliceComparison(String key, String value, int paired, double baseRate, double headRate,
                              double difference, double midPTwoSided, double adjustedP, boolean flagged) {

    /** The false discovery rate q for slice warnings. */
    public static final double FDR = 0.10;
    /** The value reported for paired cases that lack the key's tag. */
    public static final String NONE = "(none)";
}
