package dev.evalgate.stats;

/**
 * A bootstrap percentile interval with the point estimate it brackets and what is needed to reproduce it.
 *
 * @param point     the statistic on the observed data
 * @param interval  the nearest-rank percentiles of the sorted replicates at (1 ∓ confidence)/2
 * @param resamples B, the number of replicates; 10,000 for decisions, 2,000 for display (§8)
 * @param seed      the SplitMix64 seed; record it in the report
 */
public record BootstrapInterval(double point, Interval interval, int resamples, long seed) {
}
