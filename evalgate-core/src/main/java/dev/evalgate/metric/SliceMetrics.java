package dev.evalgate.metric;

import dev.evalgate.stats.Interval;

/**
 * How the cases sharing one tag value did, e.g. {@code channel=email}.
 *
 * @param key            the slice key, e.g. {@code channel}
 * @param value          the tag value; {@value TargetMetricsCollector#NONE} for cases without the tag,
 *                       {@value TargetMetricsCollector#OTHER} for values past the per-key limit
 * @param passRate       mean per-case pass fraction in [0, 1]
 * @param passRateMethod {@code wilson} or {@code t}, as for the whole target
 */
public record SliceMetrics(String key, String value, long n, long passed, long errors, double passRate,
                           Interval passRateInterval, String passRateMethod, double meanScore) {
}
