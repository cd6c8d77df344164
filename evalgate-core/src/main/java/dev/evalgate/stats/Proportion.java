package dev.evalgate.stats;

/**
 * Interval estimates for a binomial proportion, such as a pass rate of K = 1 cases.
 *
 * <p>Wilson is the default everywhere (eval-statistics §2.2): unlike Wald it stays inside [0, 1] and does not
 * collapse to a point at 0/n or n/n.
 */
public final class Proportion {

    private Proportion() {
    }

    /**
     * The Wilson score interval for {@code successes} out of {@code n}, clipped to [0, 1].
     *
     * @param confidence two-sided level, e.g. 0.95
     * @return the interval, or {@link Interval#empty()} when {@code n} is 0
     */
    public static Interval wilson(long successes, long n, double confidence) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        Critical.requireConfidence(confidence);
        if (n == 0) {
            return Interval.empty();
        }
        double z = Critical.z(confidence);
        double z2 = z * z;
        double p = (double) successes / n;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // At 0/n and n/n the bound is exactly 0 or 1; rounding would otherwise leave a residue like 1e-17.
        double lower = successes == 0 ? 0 : Math.max(0, center - half);
        double upper = successes == n ? 1 : Math.min(1, center + half);
        return new Interval(lower, upper);
    }
}
