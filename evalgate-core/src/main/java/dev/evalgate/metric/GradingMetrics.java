package dev.evalgate.metric;

import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.stats.Interval;

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
 */
public record GradingMetrics(long judgments, long judgedPasses, long judgeErrors, double judgedPassRate,
                             Interval judgedPassInterval, long multiVoteJudgments, long flipped, long calls,
                             long cachedVotes, TokenTotals tokens, CostStats cost, double latencyMs,
                             JudgedRate judged) {

    /** The figures before a calibration is applied. */
    public GradingMetrics(long judgments, long judgedPasses, long judgeErrors, double judgedPassRate,
                          Interval judgedPassInterval, long multiVoteJudgments, long flipped, long calls,
                          long cachedVotes, TokenTotals tokens, CostStats cost, double latencyMs) {
        this(judgments, judgedPasses, judgeErrors, judgedPassRate, judgedPassInterval, multiVoteJudgments, flipped,
                calls, cachedVotes, tokens, cost, latencyMs, null);
    }

    /** The same figures with the judged pass rate corrected as {@code status} allows. */
    public GradingMetrics withJudged(CalibrationStatus status) {
        return new GradingMetrics(judgments, judgedPasses, judgeErrors, judgedPassRate, judgedPassInterval,
                multiVoteJudgments, flipped, calls, cachedVotes, tokens, cost, latencyMs,
                JudgedRate.of(judgedPasses, judgments - judgeErrors, status));
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
