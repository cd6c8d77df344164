package dev.evalgate.judge;

import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.score.ConfiguredScorer;

import java.util.List;

/** Puts each target's judged pass rate beside its correction for the judge's measured error. */
public final class JudgedRates {

    private JudgedRates() {
    }

    /**
     * {@code metrics} with the judged rate of each judged target corrected by the calibration of the suite's judge
     * scorer. The grading figures pool every judge scorer's verdicts, so a correction is only made when the suite
     * has exactly one; with several, the rates say why they are not corrected.
     */
    public static List<TargetMetrics> apply(List<TargetMetrics> metrics, List<ConfiguredScorer> scorers) {
        List<JudgeScorer> judges = scorers.stream().filter(s -> s.scorer() instanceof JudgeScorer)
                .map(s -> (JudgeScorer) s.scorer()).toList();
        if (judges.isEmpty()) {
            return metrics;
        }
        CalibrationStatus status = judges.size() == 1 ? judges.getFirst().calibration()
                : new CalibrationStatus.Unusable("the suite has " + judges.size() + " judge scorers, whose verdicts"
                + " are pooled; a correction needs one judge scorer per suite", false);
        return metrics.stream().map(m -> m.grading() == null ? m : m.withGrading(m.grading().withJudged(status)))
                .toList();
    }
}
