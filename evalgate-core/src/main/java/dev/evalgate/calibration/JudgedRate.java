package dev.evalgate.calibration;

import dev.evalgate.stats.CorrectedPassRate;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.JudgeCalibration;
import dev.evalgate.stats.Proportion;

import java.util.Locale;

/**
 * A target's judged pass rate as the judge reported it and, when the judge is calibrated, corrected for the judge's
 * measured error (judge-statistics §2–3).
 *
 * @param passes      judgments with a PASS verdict
 * @param verdicts    judgments with a verdict (judge errors left out)
 * @param calibration the agreement counts the correction used, or null when the judge is not calibrated
 * @param labels      the calibration's labels file, or null
 * @param corrected   the corrected rate (an estimate, or why none can be given), or null when not calibrated
 * @param uncorrected why there is no correction (no calibration, a stale one), or null when there is one
 * @param fingerprint the judge configuration the calibration was made on, or null when not calibrated; two runs'
 *                    judged rates are comparable as one judge's only when their fingerprints match
 */
public record JudgedRate(long passes, long verdicts, JudgeCalibration calibration, String labels,
                         CorrectedPassRate corrected, String uncorrected, String fingerprint) {

    static final double CONFIDENCE = 0.95;

    /** The judged rate of {@code passes} of {@code verdicts}, corrected when {@code status} is usable. */
    public static JudgedRate of(long passes, long verdicts, CalibrationStatus status) {
        if (status instanceof CalibrationStatus.Usable usable) {
            Calibration c = usable.calibration();
            return new JudgedRate(passes, verdicts, c.counts(), c.labels(),
                    CorrectedPassRate.of(passes, verdicts, c.counts(), CONFIDENCE), null, c.fingerprint());
        }
        return new JudgedRate(passes, verdicts, null, null, null, ((CalibrationStatus.Unusable) status).reason(),
                null);
    }

    /**
     * How a judge scorer's rate is named in reports: {@code judged pass rate} for the unnamed judge scorer,
     * {@code judged pass rate (tone)} for one named {@code tone}.
     */
    public static String title(String scorer) {
        return scorer == null || scorer.equals("judge") ? "judged pass rate" : "judged pass rate (" + scorer + ")";
    }

    /** The raw share of PASS verdicts; NaN without verdicts. */
    public double raw() {
        return verdicts == 0 ? Double.NaN : (double) passes / verdicts;
    }

    /** The Wilson interval of the raw rate: sampling only, blind to the judge's own errors. */
    public Interval rawInterval() {
        return Proportion.wilson(passes, verdicts, CONFIDENCE);
    }

    /** The corrected estimate, or null when there is none (not calibrated, or the judge may be no better than chance). */
    public CorrectedPassRate.Estimated estimate() {
        return corrected instanceof CorrectedPassRate.Estimated e ? e : null;
    }

    /** One line: the corrected rate with its interval and the calibration behind it, or why there is none. */
    public String describe() {
        if (corrected instanceof CorrectedPassRate.Estimated e) {
            return String.format(Locale.ROOT, "corrected %.1f%% [%.1f%%, %.1f%%] 95%% (raw judged %.1f%%; judge"
                            + " calibrated on %d labels: kappa %.2f, J %.2f)", 100 * e.point(),
                    100 * e.interval().lower(), 100 * e.interval().upper(), 100 * raw(), calibration.size(),
                    calibration.kappa(CONFIDENCE).kappa(), e.youden());
        }
        if (corrected instanceof CorrectedPassRate.Undecidable u) {
            return "no corrected rate: " + u.note();
        }
        return "not corrected: " + uncorrected;
    }
}
