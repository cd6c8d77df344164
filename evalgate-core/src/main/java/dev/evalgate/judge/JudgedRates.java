package dev.evalgate.judge;

import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.score.ConfiguredScorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts each target's judged pass rate beside its correction for the judge's measured error. */
public final class JudgedRates {

    private JudgedRates() {
    }

    /**
     * {@code metrics} with each judge scorer's judged rate corrected by that scorer's own calibration. The pooled
     * rate over every judge scorer is corrected only when there is one.
     */
    public static List<TargetMetrics> apply(List<TargetMetrics> metrics, List<ConfiguredScorer> scorers) {
        List<JudgeScorer> judges = scorers.stream().filter(s -> s.scorer() instanceof JudgeScorer)
                .map(s -> (JudgeScorer) s.scorer()).toList();
        if (judges.isEmpty()) {
            return metrics;
        }
        Map<String, CalibrationStatus> statuses = new LinkedHashMap<>();
        judges.forEach(j -> statuses.put(j.name(), j.calibration()));
        return metrics.stream().map(m -> m.grading() == null ? m : m.withGrading(m.grading().withJudged(statuses)))
                .toList();
    }
}
