package dev.evalgate.metric;

import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.stats.Interval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a target's model judges decided and what grading cost: the grader's own figures, kept apart from the
 * candidate's cost, tokens and latency. One judgment is one judge scorer's decision on one output (one sample).
 *
 * <p>The judged pass rate counts only judgments with a verdict: judge errors are left out of its denominator and
 * reported as a count and a share of their own. It is the judge's raw, uncorrected rate: its interval covers the
 * sampling of cases, not the judge's own errors.
 *
 * @param judgments             judge decisions, judge errors included
 * @param judgedPasses          judgments whose verdict was PASS
 * @param judgeErrors           judgments without a verdict: every vote failed or was unreadable
 * @param judgedPassRate        judgedPasses / (judgments − judgeErrors); NaN when no judgment had a verdict
 * @param judgedPassInterval    Wilson interval of that rate
 * @param multiVoteJudgments    judgments with a verdict from two or more votes
 * @param flipped               of those, the judgments whose votes disagreed
 * @param calls                 live judge calls
 * @param cachedVotes           votes answered from the response cache, at no cost
 * @param tokens                judge tokens of the live calls
 * @param cost                  judge cost over the judgments, unknown when the judge has no known price
 * @param latencyMs             wall time of the live judge calls, summed
 * @param judged                the judged pass rate with its correction for the judge's measured error, or null
 *                              until {@link #withJudged} adds it (the collector does not know the calibration)
 * @param scorers               the same figures per judge scorer name, each judge's own (their {@code scorers} are
 *                              empty); a correction belongs to one judge, so with several judge scorers only
 *                              these are corrected and the pooled rate says so
 */
public record GradingMetrics(long judgments, long judgedPasses, long judgeErrors, double judgedPassRate,
                             Interval judgedPassInterval, long multiVoteJudgments, long flipped, long calls,
                             long cachedVotes, TokenTotals tokens, CostStats cost, double latencyMs,
                             JudgedRate judged, Map<String, GradingMetrics> scorers) {

    public GradingMetrics {
        scorers = scorers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scorers));
    }

    /** The figures before a calibration is applied. */
    public GradingMetrics(long judgments, long judgedPasses, long judgeErrors, double judgedPassRate,
                          Interval judgedPassInterval, long multiVoteJudgments, long flipped, long calls,
                          long cachedVotes, TokenTotals tokens, CostStats cost, double latencyMs) {
        this(judgments, judgedPasses, judgeErrors, judgedPassRate, judgedPassInterval, multiVoteJudgments, flipped,
                calls, cachedVotes, tokens, cost, latencyMs, null, Map.of());
    }

    /** The same figures with the judged pass rate corrected as {@code status} allows, pooled and per scorer. */
    public GradingMetrics withJudged(CalibrationStatus status) {
        Map<String, GradingMetrics> judgedScorers = new LinkedHashMap<>();
        scorers.forEach((name, g) -> judgedScorers.put(name, g.withJudged(status)));
        return with(JudgedRate.of(judgedPasses, judgments - judgeErrors, status), judgedScorers);
    }

    /**
     * The same figures with each judge scorer's rate corrected by its own calibration ({@code statuses} by scorer
     * name). The pooled rate is corrected only when a single judge scorer graded the target: verdicts of several
     * judges pooled have no one judge's error to correct for.
     */
    public GradingMetrics withJudged(Map<String, CalibrationStatus> statuses) {
        Map<String, GradingMetrics> judgedScorers = new LinkedHashMap<>();
        scorers.forEach((name, g) -> judgedScorers.put(name, g.withJudged(statuses.getOrDefault(name,
                new CalibrationStatus.Unusable("judge scorer '" + name + "' is not in the suite any more, so its"
                        + " calibration is unknown", false)))));
        CalibrationStatus pooled = judgedScorers.size() == 1
                ? statuses.getOrDefault(judgedScorers.keySet().iterator().next(),
                new CalibrationStatus.Unusable("the judge scorer is not in the suite any more", false))
                : new CalibrationStatus.Unusable("the " + judgedScorers.size() + " judge scorers' verdicts are"
                + " pooled here; each judge scorer's rate is corrected on its own", false);
        return with(JudgedRate.of(judgedPasses, judgments - judgeErrors, pooled), judgedScorers);
    }

    private GradingMetrics with(JudgedRate rate, Map<String, GradingMetrics> judgedScorers) {
        return new GradingMetrics(judgments, judgedPasses, judgeErrors, judgedPassRate, judgedPassInterval,
                multiVoteJudgments, flipped, calls, cachedVotes, tokens, cost, latencyMs, rate, judgedScorers);
    }

    /** The share of judgments that were judge errors; NaN without judgments. */
    public double judgeErrorRate() {
        return judgments == 0 ? Double.NaN : (double) judgeErrors / judgments;
    }

    /** The share of multi-vote judgments whose votes disagreed; NaN when no judgment had two or more votes. */
    public double flipRate() {
        return multiVoteJudgments == 0 ? Double.NaN : (double) flipped / multiVoteJudgments;
    }

    /** Mean wall time of a live judge call; NaN without live calls. */
    public double meanCallLatencyMs() {
        return calls == 0 ? Double.NaN : latencyMs / calls;
    }
}
