package dev.evalgate.metric;

import dev.evalgate.run.CaseResult;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.MeanInterval;
import dev.evalgate.stats.Proportion;
import dev.evalgate.stats.RunningMoments;

/**
 * Running counts of case outcomes with the moments of per-case pass fractions and scores, shared by the whole
 * target and each slice. Not thread-safe: the collector synchronises.
 */
final class PassTally {

    private long cases;
    private long passed;
    private long failed;
    private long errored;
    private boolean fractional;
    private final RunningMoments passFractions = new RunningMoments();
    private final RunningMoments scores = new RunningMoments();

    void add(CaseResult result) {
        cases++;
        switch (result.outcome()) {
            case PASS -> passed++;
            case FAIL -> failed++;
            case ERROR -> errored++;
        }
        double fraction = result.passFraction();
        fractional |= fraction != 0 && fraction != 1;
        passFractions.add(fraction);
        scores.add(result.score());
    }

    long cases() {
        return cases;
    }

    long passed() {
        return passed;
    }

    long failed() {
        return failed;
    }

    long errored() {
        return errored;
    }

    /** The mean per-case pass fraction; passed / cases when every case is wholly passed or not. NaN if empty. */
    double passRate() {
        if (!fractional) {
            // exact division, so 875 of 1,000 reads 0.875 and not the running mean's 0.8749999999999997
            return cases == 0 ? Double.NaN : (double) passed / cases;
        }
        return passFractions.mean();
    }

    /** Wilson while every per-case value is 0 or 1; the t interval once a case has a fractional share (K > 1). */
    String passRateMethod() {
        return fractional ? TargetMetrics.METHOD_T : TargetMetrics.METHOD_WILSON;
    }

    Interval passRateInterval(double confidence) {
        if (fractional) {
            return MeanInterval.t(passFractions, confidence).clip(0, 1);
        }
        // Without fractional shares, every case with pass fraction 1 is a PASS and the rest are not.
        return Proportion.wilson(passed, cases, confidence);
    }

    double meanScore() {
        return scores.mean();
    }

    /** Clipped to [0, 1] because scores cannot leave it. */
    Interval meanScoreInterval(double confidence) {
        return MeanInterval.t(scores, confidence).clip(0, 1);
    }

    double errorRate() {
        return cases == 0 ? Double.NaN : (double) errored / cases;
    }
}
