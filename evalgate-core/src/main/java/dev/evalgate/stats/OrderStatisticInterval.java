package dev.evalgate.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A distribution-free confidence interval for a quantile, as a pair of 1-based ranks into the sorted sample
 * (Hahn &amp; Meeker; eval-statistics §4.2).
 *
 * <p>With B ~ Bin(n, p), {@code P(x(l) ≤ ξp < x(u)) = P(l ≤ B ≤ u−1)}. The lower rank is the largest l with
 * P(B ≤ l−1) ≤ α/2, the upper the smallest u with P(B ≥ u) ≤ α/2. A side that no rank achieves is unbounded and
 * reads as the sentinel order statistics x(0) = −∞ ({@code lowerRank == 0}) or x(n+1) = +∞
 * ({@code upperRank == n + 1}); the coverage is then that of the half-open interval.
 *
 * @param coverage P(lowerRank ≤ B ≤ upperRank − 1), at least 1 − α when both sides are bounded (conservative)
 */
public record OrderStatisticInterval(int n, double p, int lowerRank, int upperRank, double coverage) {

    /**
     * Relative slack on the α/2 comparison. The reference vectors use exact fractions; doubles could decide an
     * exact tie at α/2 by rounding error, so ties count as achieved, as they do exactly.
     */
    private static final double TIE_TOLERANCE = 1e-12;

    /** The two-sided interval for the p-quantile of n values at error rate alpha (0.05 for 95%). */
    public static OrderStatisticInterval ranks(int n, double p, double alpha) {
        BinomialDistribution b = binomial(n, p, alpha);
        double limit = alpha / 2 * (1 + TIE_TOLERANCE);
        // P(B <= l-1) grows with l: binary-search the largest achieving l in [1, n]; 0 when none does.
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (b.cumulativeProbability(mid - 1) <= limit) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int lower = lo;
        int upper = smallestUpper(b, n, limit);
        return new OrderStatisticInterval(n, p, lower, upper, coverage(b, lower, upper));
    }

    /**
     * The one-sided upper bound: the smallest rank u with P(B ≥ u) ≤ alpha, so P(ξp ≤ x(u)) ≥ 1 − alpha.
     * The lower side is unbounded; {@code coverage} is the achieved confidence.
     */
    public static OrderStatisticInterval upperBound(int n, double p, double alpha) {
        BinomialDistribution b = binomial(n, p, alpha);
        int upper = smallestUpper(b, n, alpha * (1 + TIE_TOLERANCE));
        return new OrderStatisticInterval(n, p, 0, upper, coverage(b, 0, upper));
    }

    /** The fewest values for which both ends of the two-sided interval are finite (p95 at 0.05: 72). */
    public static int minimumN(double p, double alpha) {
        checkArguments(1, p, alpha);
        // Upper end exists iff P(B = n) = p^n <= α/2; lower end iff (1-p)^n <= α/2.
        return Math.max(fewest(p, alpha / 2), fewest(1 - p, alpha / 2));
    }

    /** The fewest values for which the one-sided upper bound exists (p95 at 0.05: 59, the sample maximum). */
    public static int minimumNOneSided(double p, double alpha) {
        checkArguments(1, p, alpha);
        return fewest(p, alpha);
    }

    public boolean hasLower() {
        return lowerRank >= 1;
    }

    public boolean hasUpper() {
        return upperRank <= n;
    }

    /** The interval in data units, given the n values sorted ascending; unbounded sides are infinite. */
    public Interval apply(double[] sorted) {
        if (sorted.length != n) {
            throw new IllegalArgumentException("ranks were computed for n = " + n + " but got " + sorted.length
                    + " values");
        }
        return new Interval(hasLower() ? sorted[lowerRank - 1] : Double.NEGATIVE_INFINITY,
                hasUpper() ? sorted[upperRank - 1] : Double.POSITIVE_INFINITY);
    }

    private static int smallestUpper(BinomialDistribution b, int n, double limit) {
        // P(B >= u) = P(B > u-1) shrinks with u: binary-search the smallest achieving u in [1, n]; n+1 when none.
        int lo = 1;
        int hi = n + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (b.survivalProbability(mid - 1) <= limit) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double coverage(BinomialDistribution b, int lower, int upper) {
        return b.cumulativeProbability(upper - 1) - (lower >= 1 ? b.cumulativeProbability(lower - 1) : 0);
    }

    private static int fewest(double q, double limit) {
        int n = 1;
        while (Math.pow(q, n) > limit * (1 + TIE_TOLERANCE)) {
            n++;
        }
        return n;
    }

    private static BinomialDistribution binomial(int n, double p, double alpha) {
        checkArguments(n, p, alpha);
        return BinomialDistribution.of(n, p);
    }

    private static void checkArguments(int n, double p, double alpha) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one value for a quantile interval, got n = " + n);
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile p must be in (0, 1), e.g. 0.95 for p95, got " + p);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), e.g. 0.05 for 95%, got " + alpha);
        }
    }
}
