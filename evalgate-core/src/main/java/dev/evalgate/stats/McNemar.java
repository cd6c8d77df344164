package dev.evalgate.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The McNemar test of a paired binary comparison: exact conditional and mid-p p-values (eval-statistics §3.2).
 *
 * <p>Only discordant cases carry evidence. With b = baseline-only passes and c = candidate-only passes, under H0
 * (equal pass rates) b ~ Binomial(b + c, ½) given b + c. Decide on mid-p, which holds the nominal level in
 * Fagerland et al.'s 9595 scenarios while the exact test is conservative; log the exact p next to it. The
 * one-sided variants test H1 "candidate worse", i.e. P(X ≥ b). With no discordant case every p-value is 1.
 *
 * @param baselineOnly  b, cases only the baseline passed (the candidate lost them)
 * @param candidateOnly c, cases only the candidate passed
 */
public record McNemar(long baselineOnly, long candidateOnly, double exactTwoSided, double exactOneSided,
        double midPTwoSided, double midPOneSided) {

    /** The test for b baseline-only and c candidate-only passes. */
    public static McNemar test(long b, long c) {
        if (b < 0 || c < 0 || b + c > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("discordant counts must be >= 0 and sum to at most "
                    + Integer.MAX_VALUE + ", got b = " + b + ", c = " + c);
        }
        int m = (int) (b + c);
        if (m == 0) {
            return new McNemar(b, c, 1, 1, 1, 1);
        }
        BinomialDistribution x = BinomialDistribution.of(m, 0.5);
        int min = (int) Math.min(b, c);
        double lowerTail = x.cumulativeProbability(min);
        double exactTwo = Math.min(1, 2 * lowerTail);
        double midTwo = Math.min(1, 2 * (lowerTail - x.probability(min) / 2));
        // P(X >= b) = P(X > b - 1); the survival function keeps precision where 1 - cdf would cancel.
        double exactOne = b == 0 ? 1 : x.survivalProbability((int) b - 1);
        double midOne = exactOne - x.probability((int) b) / 2;
        return new McNemar(b, c, exactTwo, exactOne, midTwo, midOne);
    }
}
