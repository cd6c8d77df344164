package dev.evalgate.stats;

/**
 * The t interval for a mean, {@code mean ± t(n−1, 1−α/2)·SE} with SE = sqrt(s²/n) (eval-statistics Eq. 1, §2.3).
 *
 * <p>Use it for continuous per-case scores and for pass rates when cases carry fractional pass shares (K &gt; 1).
 * The interval is not clipped: callers whose values are bounded clip with {@link Interval#clip}.
 */
public final class MeanInterval {

    private MeanInterval() {
    }

    /** The t interval over {@code values}; {@link Interval#empty()} below two values. */
    public static Interval t(double[] values, double confidence) {
        RunningMoments moments = new RunningMoments();
        for (double value : values) {
            moments.add(value);
        }
        return t(moments, confidence);
    }

    /** The t interval from streamed moments; {@link Interval#empty()} below two observations. */
    public static Interval t(RunningMoments moments, double confidence) {
        return t(moments.mean(), moments.variance(), moments.count(), confidence);
    }

    /** The t interval from a mean, a sample variance (divisor n − 1) and n. */
    public static Interval t(double mean, double variance, long n, double confidence) {
        Critical.requireConfidence(confidence);
        if (n < 2) {
            return Interval.empty();
        }
        if (!(variance >= 0)) {
            throw new IllegalArgumentException("variance must be >= 0, got " + variance);
        }
        double half = Critical.t(n - 1, confidence) * Math.sqrt(variance / n);
        return new Interval(mean - half, mean + half);
    }
}
