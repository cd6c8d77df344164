package dev.evalgate.stats;

/**
 * The pass rate of a judged run after correcting for the judge's measured error: either an estimate with its
 * interval, or the statement that the calibration cannot support one.
 *
 * <p>The judge must first be shown to beat chance: when the lower bound of J's interval (at the level that leaves
 * half the error budget to J, 97.5% for a 95% interval) is not above zero, any corrected number would be an
 * artefact of noise, so the result is {@link Undecidable} and says how many more labels would settle it.
 */
public sealed interface CorrectedPassRate {

    /** The judged pass rate as the judge reported it, before correction. */
    double judgedRate();

    /** A corrected estimate, to be shown beside the raw judged rate. */
    record Estimated(double judgedRate, double point, Interval interval, double youden) implements CorrectedPassRate {
    }

    /**
     * No corrected number can be given; {@code reason} says why in one sentence and {@code advice} is the labels
     * that would help, or null when more labels cannot help.
     */
    record Undecidable(double judgedRate, String reason, LabelAllocation advice) implements CorrectedPassRate {

        /** The reason and the advice as one line for a report or a gate note. */
        public String note() {
            return reason + "; " + ChanceCheck.adviceText(advice);
        }
    }

    /**
     * The corrected pass rate of {@code judgedPasses} out of {@code n} judged verdicts (judge errors left out),
     * for a judge with {@code calibration}, at a two-sided {@code confidence}.
     */
    static CorrectedPassRate of(long judgedPasses, long n, JudgeCalibration calibration, double confidence) {
        if (n < 0 || judgedPasses < 0 || judgedPasses > n) {
            throw new IllegalArgumentException("need 0 <= judged passes <= n, got " + judgedPasses + " of " + n);
        }
        Critical.requireConfidence(confidence);
        double judgedRate = n == 0 ? Double.NaN : (double) judgedPasses / n;
        if (n == 0) {
            return new Undecidable(judgedRate, "no case has a judged verdict", null);
        }
        double chanceLevel = 1 - (1 - confidence) / 2;
        if (calibration.humanPasses() == 0 || calibration.humanFails() == 0) {
            String missing = calibration.humanPasses() == 0 ? "passed" : "failed";
            String reason = "the calibration has no item a human " + missing + ", so the judge's error on those"
                    + " is unknown";
            return new Undecidable(judgedRate, reason, ChanceCheck.advice(calibration, judgedRate, chanceLevel));
        }
        Interval youden = calibration.youdenInterval(chanceLevel);
        if (youden.lower() <= 0) {
            return new Undecidable(judgedRate, ChanceCheck.reason(calibration, youden, chanceLevel),
                    ChanceCheck.advice(calibration, judgedRate, chanceLevel));
        }
        JudgeCorrection correction = JudgeCorrection.of(judgedRate, n, calibration.specificity(),
                calibration.sensitivity(), calibration.humanFails(), calibration.humanPasses(), confidence);
        return new Estimated(judgedRate, correction.point(), correction.interval(), calibration.youden());
    }
}
