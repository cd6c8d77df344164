package dev.evalgate.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A streaming accumulator of count, mean and sample variance, so per-case values need not be kept to compute a t
 * interval.
 *
 * <p>It keeps the exact sum and sum of squares of the observations (a double converts to a decimal exactly), so
 * the result does not depend on the order the values arrive in: a run split into shards and folded back together
 * gives the mean and interval of the same run done in one process, to the last bit. Exact sums also avoid the
 * cancellation of the naive sum-of-squares formula when values sit far from zero (latencies in ms, costs). Not
 * thread-safe: the owner synchronises.
 */
public final class RunningMoments {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private long count;
    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal sumOfSquares = BigDecimal.ZERO;

    /** Adds one observation. */
    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("observation must be finite, got " + value);
        }
        count++;
        if (value != 0) {
            BigDecimal x = new BigDecimal(value);
            sum = sum.add(x);
            sumOfSquares = sumOfSquares.add(x.multiply(x));
        }
    }

    public long count() {
        return count;
    }

    /** The mean; NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : sum.divide(BigDecimal.valueOf(count), PRECISION).doubleValue();
    }

    /** The sample variance with divisor n − 1; NaN below two observations. */
    public double variance() {
        if (count < 2) {
            return Double.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        // (n Σx² − (Σx)²) / (n (n − 1)), exact up to the one division
        BigDecimal numerator = sumOfSquares.multiply(n).subtract(sum.multiply(sum));
        return numerator.divide(n.multiply(BigDecimal.valueOf(count - 1)), PRECISION).doubleValue();
    }

    /** The standard error of the mean, sqrt(variance / n) (Miller Eq. 1); NaN below two observations. */
    public double standardError() {
        return Math.sqrt(variance() / count);
    }
}
