package dev.evalgate.metric;

import dev.evalgate.stats.Interval;
import dev.evalgate.stats.OrderStatisticInterval;
import dev.evalgate.stats.Quantiles;

/**
 * Latency of every call of a target, in milliseconds: exact nearest-rank percentiles and an order-statistic
 * interval for p95 (eval-statistics §4.1–4.2).
 *
 * <p>Failed and timed-out calls are included (a timeout at its timeout value): dropping them would report only
 * the survivors. Cases that never reached the target (cached answers, a prompt that could not be rendered) have no
 * latency and are not counted.
 *
 * @param n           calls measured
 * @param p95Interval the distribution-free p95 interval; null when there are too few calls for it
 * @param note        why an interval or the percentiles are missing, e.g.
 *                    {@code too few calls for a p95 interval: 40 < 72}; null when nothing is missing
 */
public record LatencyStats(long n, double p50, double p90, double p95, double p99, double max, double mean,
                           Interval p95Interval, String note) {

    /** The statistics of latencies sorted ascending, with a p95 interval at {@code confidence}. */
    public static LatencyStats ofSorted(double[] sorted, double confidence) {
        int n = sorted.length;
        if (n == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    null, "no calls, so no latency");
        }
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        double alpha = 1 - confidence;
        int minimum = OrderStatisticInterval.minimumN(0.95, alpha);
        Interval p95Interval = null;
        String note = null;
        if (n < minimum) {
            note = "too few calls for a p95 interval: " + n + " < " + minimum;
        } else {
            p95Interval = OrderStatisticInterval.ranks(n, 0.95, alpha).apply(sorted);
        }
        return new LatencyStats(n, Quantiles.nearestRank(sorted, 0.50), Quantiles.nearestRank(sorted, 0.90),
                Quantiles.nearestRank(sorted, 0.95), Quantiles.nearestRank(sorted, 0.99), sorted[n - 1], sum / n,
                p95Interval, note);
    }
}
