/**
 * Pure statistical functions behind every number evalgate reports: interval estimates for pass rates, means and
 * quantiles, following {@code reference/eval-statistics.md}.
 *
 * <p>Quantiles are nearest rank everywhere (§4.1). Intervals are two-sided; the caller passes the confidence,
 * 0.95 by default. Nothing here keeps state across calls except the {@link dev.evalgate.stats.RunningMoments}
 * accumulator.
 */
package dev.evalgate.stats;
