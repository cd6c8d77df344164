package dev.evalgate.stats;

/**
 * Nearest-rank quantiles, {@code x(⌈p·n⌉)} of the sorted values (Hyndman–Fan type 1, HdrHistogram's rule).
 *
 * <p>One definition everywhere — report, interval, bootstrap, gate — because library defaults disagree by several
 * ms on the same data (eval-statistics §4.1). The result is always an observed value.
 */
public final class Quantiles {

    /**
     * Slack so that p·n landing exactly on an integer is not pushed up a rank by rounding (0.95 × 200 evaluates
     * to 190.00000000000003 in binary floating point).
     */
    private static final double RANK_GUARD = 1e-12;

    private Quantiles() {
    }

    /** The 1-based rank {@code max(1, ⌈p·n⌉)} of the p-quantile among n values. */
    public static int rank(int n, double p) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one value for a quantile, got n = " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile p must be in [0, 1], e.g. 0.95 for p95, got " + p);
        }
        return (int) Math.max(1, Math.min(n, Math.ceil(p * n - RANK_GUARD)));
    }

    /** The nearest-rank p-quantile of values sorted ascending. */
    public static double nearestRank(double[] sorted, double p) {
        return sorted[rank(sorted.length, p) - 1];
    }

    /** The nearest-rank p-quantile of values sorted ascending. */
    public static long nearestRank(long[] sorted, double p) {
        return sorted[rank(sorted.length, p) - 1];
    }
}
