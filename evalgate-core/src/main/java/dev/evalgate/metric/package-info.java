/**
 * Metrics: what many case results of one target add up to — pass rate and mean score with intervals, error rate,
 * latency percentiles, tokens, cost, throughput, classification quality and per-slice pass rates.
 *
 * <p>{@link dev.evalgate.metric.TargetMetricsCollector} folds results as they stream in, without keeping them,
 * and {@link dev.evalgate.metric.TargetMetrics} is the immutable summary it produces. The statistics come from
 * {@code dev.evalgate.stats}.
 */
package dev.evalgate.metric;
