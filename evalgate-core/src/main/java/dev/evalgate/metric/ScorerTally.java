package dev.evalgate.metric;

import dev.evalgate.score.Grading;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.stats.Proportion;

import java.util.Map;

/**
 * Running counts of judge scores, one judge scorer's or every one's pooled, folded into {@link GradingMetrics}.
 * Not thread-safe.
 */
final class ScorerTally {

    private long judgments;
    private long passes;
    private long errors;
    private long multiVote;
    private long flipped;
    private long calls;
    private long cachedVotes;
    private long inputTokens;
    private long outputTokens;
    private long withoutUsage;
    private double knownCost;
    private long unknownCost;
    private double latencyMs;

    void add(Score score) {
        Grading g = score.grading();
        judgments++;
        switch (score.outcome()) {
            case PASS -> passes++;
            case ERROR -> errors++;
            case FAIL -> {
            }
        }
        long verdicts = g.votes().stream().filter(o -> o != Outcome.ERROR).count();
        if (score.outcome() != Outcome.ERROR && verdicts >= 2) {
            multiVote++;
            flipped += g.flipped() ? 1 : 0;
        }
        calls += g.calls();
        cachedVotes += g.cachedVotes();
        if (g.usage() == null) {
            withoutUsage += g.calls() > 0 ? 1 : 0;
        } else {
            inputTokens += g.usage().input();
            outputTokens += g.usage().output();
        }
        if (g.costUsd() == null) {
            unknownCost++;
        } else {
            knownCost += g.costUsd();
        }
        latencyMs += g.latencyMs();
    }

    /** The figures so far, or null when no sample had a judge score. */
    GradingMetrics finish(double confidence, Map<String, GradingMetrics> scorers) {
        if (judgments == 0) {
            return null;
        }
        long verdicts = judgments - errors;
        return new GradingMetrics(judgments, passes, errors,
                verdicts == 0 ? Double.NaN : (double) passes / verdicts,
                Proportion.wilson(passes, verdicts, confidence), multiVote, flipped, calls, cachedVotes,
                new TokenTotals(inputTokens, outputTokens, withoutUsage),
                CostStats.of(knownCost, judgments, unknownCost), latencyMs, null, scorers);
    }
}
