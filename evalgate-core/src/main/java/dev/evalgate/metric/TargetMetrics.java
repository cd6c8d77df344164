package dev.evalgate.metric;

import dev.evalgate.stats.Interval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one target's run adds up to, in natural units: rates in [0, 1], latency in ms, cost in USD.
 *
 * <p>Intervals are two-sided at {@link TargetMetricsCollector#CONFIDENCE}. A NaN value or an empty interval
 * means there was no data for it.
 *
 * @param cases               case results folded in
 * @param calls               samples (target calls) over all cases, K per case
 * @param passed              cases whose every repeat passed
 * @param failed              cases with at least one repeat that did not pass and not all errored
 * @param errored             cases whose every repeat errored; they count as not passed as well
 * @param passRate            mean per-case pass fraction; passed / cases when K = 1
 * @param passRateMethod      {@value #METHOD_WILSON} while every case is wholly passed or not, {@value #METHOD_T}
 *                            (t interval over per-case pass fractions) once a case passes a fraction of its repeats
 * @param meanScore           mean per-case score, with a t interval
 * @param errorRate           errored / cases
 * @param throughputPerSecond cases per second of the elapsed time; NaN when no time elapsed
 * @param classification      null unless the suite is a classification suite
 * @param slices              per slice key, in configured order: one entry per tag value, sorted by value
 * @param cachedCalls         calls answered from the response cache; their latency is not in {@code latency}
 * @param grading             what the suite's model judges decided and spent on this target's outputs; null when
 *                            the suite has no judge. Never part of {@code tokens}, {@code cost} or {@code latency}
 * @param conversations       tool-call and conversation figures; null when no case ran as a conversation
 * @param streaming           time to first token and output speed of streamed calls; null when no call streamed
 */
public record TargetMetrics(String targetId, long cases, long calls, long passed, long failed, long errored,
                            double passRate, Interval passRateInterval, String passRateMethod, double meanScore,
                            Interval meanScoreInterval, double errorRate, LatencyStats latency, TokenTotals tokens,
                            CostStats cost, double throughputPerSecond, Classification classification,
                            Map<String, List<SliceMetrics>> slices, long cachedCalls, GradingMetrics grading,
                            ConversationMetrics conversations, StreamStats streaming) {

    /** The Wilson score interval on whole passes. */
    public static final String METHOD_WILSON = "wilson";
    /** The t interval over per-case pass fractions. */
    public static final String METHOD_T = "t";

    /** Metrics of a run without a judge, conversations or streaming. */
    public TargetMetrics(String targetId, long cases, long calls, long passed, long failed, long errored,
                         double passRate, Interval passRateInterval, String passRateMethod, double meanScore,
                         Interval meanScoreInterval, double errorRate, LatencyStats latency, TokenTotals tokens,
                         CostStats cost, double throughputPerSecond, Classification classification,
                         Map<String, List<SliceMetrics>> slices, long cachedCalls) {
        this(targetId, cases, calls, passed, failed, errored, passRate, passRateInterval, passRateMethod, meanScore,
                meanScoreInterval, errorRate, latency, tokens, cost, throughputPerSecond, classification, slices,
                cachedCalls, null, null, null);
    }

    /** Metrics of a run with a judge's grading and without conversations. */
    public TargetMetrics(String targetId, long cases, long calls, long passed, long failed, long errored,
                         double passRate, Interval passRateInterval, String passRateMethod, double meanScore,
                         Interval meanScoreInterval, double errorRate, LatencyStats latency, TokenTotals tokens,
                         CostStats cost, double throughputPerSecond, Classification classification,
                         Map<String, List<SliceMetrics>> slices, long cachedCalls, GradingMetrics grading) {
        this(targetId, cases, calls, passed, failed, errored, passRate, passRateInterval, passRateMethod, meanScore,
                meanScoreInterval, errorRate, latency, tokens, cost, throughputPerSecond, classification, slices,
                cachedCalls, grading, null, null);
    }

    /** Metrics of a run with conversations and without a judge. */
    public TargetMetrics(String targetId, long cases, long calls, long passed, long failed, long errored,
                         double passRate, Interval passRateInterval, String passRateMethod, double meanScore,
                         Interval meanScoreInterval, double errorRate, LatencyStats latency, TokenTotals tokens,
                         CostStats cost, double throughputPerSecond, Classification classification,
                         Map<String, List<SliceMetrics>> slices, long cachedCalls, ConversationMetrics conversations) {
        this(targetId, cases, calls, passed, failed, errored, passRate, passRateInterval, passRateMethod, meanScore,
                meanScoreInterval, errorRate, latency, tokens, cost, throughputPerSecond, classification, slices,
                cachedCalls, null, conversations, null);
    }

    /** Metrics of a target that streamed, without a judge or conversations. */
    public TargetMetrics(String targetId, long cases, long calls, long passed, long failed, long errored,
                         double passRate, Interval passRateInterval, String passRateMethod, double meanScore,
                         Interval meanScoreInterval, double errorRate, LatencyStats latency, TokenTotals tokens,
                         CostStats cost, double throughputPerSecond, Classification classification,
                         Map<String, List<SliceMetrics>> slices, long cachedCalls, StreamStats streaming) {
        this(targetId, cases, calls, passed, failed, errored, passRate, passRateInterval, passRateMethod, meanScore,
                meanScoreInterval, errorRate, latency, tokens, cost, throughputPerSecond, classification, slices,
                cachedCalls, null, null, streaming);
    }

    public TargetMetrics {
        Map<String, List<SliceMetrics>> copy = new LinkedHashMap<>();
        slices.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        slices = Collections.unmodifiableMap(copy);
    }

    /** The same metrics with other grading figures, e.g. once a calibration has corrected the judged rate. */
    public TargetMetrics withGrading(GradingMetrics other) {
        return new TargetMetrics(targetId, cases, calls, passed, failed, errored, passRate, passRateInterval,
                passRateMethod, meanScore, meanScoreInterval, errorRate, latency, tokens, cost, throughputPerSecond,
                classification, slices, cachedCalls, other, conversations, streaming);
    }
}
