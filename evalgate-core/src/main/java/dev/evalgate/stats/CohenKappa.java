package dev.evalgate.stats;

/**
 * Cohen's κ, the agreement of a judge with human labels beyond what chance alone would give, with a simple
 * large-sample interval.
 *
 * <p>The 2×2 table follows the judge-calibration convention: a = both pass, b = judge passes what the human
 * failed, c = judge fails what the human passed, d = both fail. The interval is κ ± z·√(po(1 − po)/(N(1 − pe)²)),
 * the textbook approximation; it is a guide to how settled κ is, not a test.
 *
 * @param kappa           (po − pe)/(1 − pe); NaN when the table is empty or chance agreement is 1
 * @param agreement       po, the share of items where judge and human agree
 * @param chanceAgreement pe, the agreement expected from the two sets of margins alone
 * @param interval        the interval at the requested confidence; empty when κ is NaN
 */
public record CohenKappa(double kappa, double agreement, double chanceAgreement, Interval interval) {

    /** κ and its interval for the table (a, b, c, d) at a two-sided {@code confidence}. */
    public static CohenKappa of(long a, long b, long c, long d, double confidence) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("agreement table cells must be >= 0, got a = " + a + ", b = " + b
                    + ", c = " + c + ", d = " + d);
        }
        Critical.requireConfidence(confidence);
        double n = (double) a + b + c + d;
        if (n == 0) {
            return new CohenKappa(Double.NaN, Double.NaN, Double.NaN, Interval.empty());
        }
        double po = (a + d) / n;
        double pe = ((double) (a + b) * (a + c) + (double) (c + d) * (b + d)) / (n * n);
        if (pe >= 1) {
            // Both raters put every item in one class: agreement is total but says nothing about skill.
            return new CohenKappa(Double.NaN, po, pe, Interval.empty());
        }
        double kappa = (po - pe) / (1 - pe);
        double half = Critical.z(confidence) * Math.sqrt(po * (1 - po) / (n * (1 - pe) * (1 - pe)));
        return new CohenKappa(kappa, po, pe, new Interval(kappa - half, kappa + half));
    }
}
