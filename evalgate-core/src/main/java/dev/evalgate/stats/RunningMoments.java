package dev.evalgate.stats;

/**
 * A streaming accumulator of count, mean and sample variance (Welford's update), so per-case values need not be
 * kept to compute a t interval.
 *
 * <p>Welford's form avoids the cancellation of the naive sum-of-squares formula when values sit far from zero
 * (latencies in ms, costs). Not thread-safe: the owner synchronises.
 */
public final class RunningMoments {

    private long count;
    private double mean;
    private double sumSquaredDeviations;

    /** Adds one observation. */
    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("observation must be finite, got " + value);
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        sumSquaredDeviations += delta * (value - mean);
    }

    public long count() {
        return count;
    }

    /** The mean; NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** The sample variance with divisor n − 1; NaN below two observations. */
    public double variance() {
        return count < 2 ? Double.NaN : sumSquaredDeviations / (count - 1);
    }

    /** The standard error of the mean, sqrt(variance / n) (Miller Eq. 1); NaN below two observations. */
    public double standardError() {
        return Math.sqrt(variance() / count);
    }
}
