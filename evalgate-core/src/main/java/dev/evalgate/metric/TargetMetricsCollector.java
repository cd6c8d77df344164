package dev.evalgate.metric;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds one target's case results, as they complete, into its {@link TargetMetrics}.
 *
 * <p>It keeps no case result: counts and running moments for pass rates and scores, and one double per call
 * for exact latency percentiles. Memory is therefore bounded by the number of calls, with slice values and
 * labels capped. {@link #add} may be called from many threads.
 */
public final class TargetMetricsCollector {

    /** The two-sided confidence of every interval (eval-statistics §0). */
    public static final double CONFIDENCE = 0.95;
    /** The slice value of cases without the slice's tag, and the label of an empty expectation or output. */
    public static final String NONE = "(none)";
    /** Where slice values or labels past the limit are counted. */
    public static final String OTHER = "(other)";
    /** Distinct values kept per slice key; a key like a user id would otherwise make a slice per case. */
    public static final int MAX_SLICE_VALUES = 1_000;

    private final String targetId;
    private final List<String> sliceKeys;
    private final PassTally total = new PassTally();
    private final Map<String, Map<String, PassTally>> slices = new LinkedHashMap<>();
    private final ConfusionCounter confusion;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final GradingTally grading = new GradingTally();
    private final ConversationTally conversations = new ConversationTally();
    private final LatencyRecorder ttfts = new LatencyRecorder();
    private final LatencyRecorder tokensPerSecond = new LatencyRecorder();
    private long cachedCalls;
    private long calls;
    private long inputTokens;
    private long outputTokens;
    private long callsWithoutUsage;
    // an exact sum, so the total does not depend on the order calls finish in (or on how a run was sharded)
    private java.math.BigDecimal knownCostUsd = java.math.BigDecimal.ZERO;
    private long callsWithUnknownCost;

    /**
     * @param sliceKeys      tag keys to break the pass rate down by, e.g. {@code channel}
     * @param classification whether to compute precision, recall and the confusion matrix
     */
    public TargetMetricsCollector(String targetId, List<String> sliceKeys, boolean classification) {
        this.targetId = targetId;
        this.sliceKeys = List.copyOf(sliceKeys);
        for (String key : this.sliceKeys) {
            slices.put(key, new HashMap<>());
        }
        this.confusion = classification ? new ConfusionCounter() : null;
    }

    /** Counts one case result of this target. */
    public synchronized void add(CaseResult result) {
        total.add(result);
        for (String key : sliceKeys) {
            sliceTally(key, result.kase().tags().get(key)).add(result);
        }
        if (confusion != null) {
            confusion.add(result);
        }
        conversations.add(result);
        for (Sample sample : result.samples()) {
            calls++;
            grading.add(sample); // the judges' spend, never added to the candidate's below
            if (sample.cached()) {
                // no call was made, so there is no latency to count (the cached usage and cost still describe it)
                cachedCalls++;
            } else if (sample.timed()) {
                latencies.add(sample.latencyMs());
                if (sample.stream() != null) {
                    ttfts.add(sample.ttftMs());
                    double speed = sample.outputTokensPerSecond();
                    if (Double.isFinite(speed)) {
                        tokensPerSecond.add(speed);
                    }
                }
            }
            // else: the case failed before its call reached the target (e.g. its prompt could not be rendered)
            if (sample.usage() == null) {
                callsWithoutUsage++;
            } else {
                inputTokens += sample.usage().input();
                outputTokens += sample.usage().output();
            }
            if (sample.costUsd() == null) {
                callsWithUnknownCost++;
            } else {
                knownCostUsd = knownCostUsd.add(new java.math.BigDecimal(sample.costUsd()));
            }
        }
    }

    /** The metrics of everything added so far; {@code elapsed} is the wall time of the run, for throughput. */
    public synchronized TargetMetrics finish(Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return new TargetMetrics(targetId, total.cases(), calls, total.passed(), total.failed(), total.errored(),
                total.passRate(), total.passRateInterval(CONFIDENCE), total.passRateMethod(), total.meanScore(),
                total.meanScoreInterval(CONFIDENCE), total.errorRate(), latencies.finish(CONFIDENCE),
                new TokenTotals(inputTokens, outputTokens, callsWithoutUsage),
                CostStats.of(knownCostUsd.doubleValue(), calls, callsWithUnknownCost),
                seconds > 0 ? total.cases() / seconds : Double.NaN,
                confusion == null ? null : confusion.finish(), sliceMetrics(), cachedCalls,
                grading.finish(CONFIDENCE), conversations.finish(), streaming());
    }

    private StreamStats streaming() {
        if (ttfts.size() == 0) {
            return null;
        }
        LatencyStats speeds = tokensPerSecond.finish(CONFIDENCE);
        return new StreamStats(ttfts.finish(CONFIDENCE), speeds.p50());
    }

    private PassTally sliceTally(String key, String tag) {
        Map<String, PassTally> values = slices.get(key);
        String value = tag == null ? NONE : tag;
        if (!values.containsKey(value) && values.size() >= MAX_SLICE_VALUES) {
            value = OTHER;
        }
        return values.computeIfAbsent(value, v -> new PassTally());
    }

    private Map<String, List<SliceMetrics>> sliceMetrics() {
        Map<String, List<SliceMetrics>> result = new LinkedHashMap<>();
        slices.forEach((key, values) -> {
            List<SliceMetrics> list = new ArrayList<>();
            new TreeMap<>(values).forEach((value, tally) -> list.add(new SliceMetrics(key, value, tally.cases(),
                    tally.passed(), tally.errored(), tally.passRate(), tally.passRateInterval(CONFIDENCE),
                    tally.passRateMethod(), tally.meanScore())));
            result.put(key, list);
        });
        return result;
    }
}
