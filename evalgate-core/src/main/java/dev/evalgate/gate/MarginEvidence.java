package dev.evalgate.gate;

import dev.evalgate.stats.Interval;

/**
 * One comparison waiting for its margin decision: the estimate, its interval and its raw one-sided p-value.
 *
 * @param actual   the comparison statistic, e.g. Δ̂ pass rate or the p95 ratio
 * @param interval its two-sided interval, e.g. Newcombe for Δ or the paired bootstrap for a ratio
 * @param pValue   the unadjusted one-sided p for H0 "no regression" (McNemar mid-p for a binary Δ); NaN when the
 *                 method gives none
 */
public record MarginEvidence(Margin margin, double actual, Interval interval, double pValue) {

    public MarginEvidence {
        if (!Double.isNaN(pValue) && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value of " + margin.scope() + " " + margin.measure()
                    + " must be in [0, 1] or NaN for none, got " + pValue);
        }
    }

    /** Evidence whose method gives no p-value, decided on its interval alone. */
    public static MarginEvidence intervalOnly(Margin margin, double actual, Interval interval) {
        return new MarginEvidence(margin, actual, interval, Double.NaN);
    }

    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }
}
