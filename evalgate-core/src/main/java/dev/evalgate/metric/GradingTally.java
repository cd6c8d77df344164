package dev.evalgate.metric;

import dev.evalgate.run.Sample;
import dev.evalgate.score.Score;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running counts of a target's judge scores, pooled and per judge scorer, folded into {@link GradingMetrics}. Each
 * judge scorer has its own judge, rubric and calibration, so its verdicts are also counted on their own: a
 * correction only makes sense for one judge's verdicts. Not thread-safe.
 */
final class GradingTally {

    private final ScorerTally pooled = new ScorerTally();
    private final Map<String, ScorerTally> byScorer = new LinkedHashMap<>();

    void add(Sample sample) {
        for (Score score : sample.scores()) {
            if (score.grading() == null) {
                continue;
            }
            pooled.add(score);
            byScorer.computeIfAbsent(score.scorer(), k -> new ScorerTally()).add(score);
        }
    }

    /** The figures so far, or null when no sample had a judge score. */
    GradingMetrics finish(double confidence) {
        Map<String, GradingMetrics> scorers = new LinkedHashMap<>();
        byScorer.forEach((name, tally) -> scorers.put(name, tally.finish(confidence, Map.of())));
        return pooled.finish(confidence, scorers);
    }
}
