package dev.evalgate.calibration;

import dev.evalgate.stats.Interval;
import dev.evalgate.stats.JudgedComparison;
import dev.evalgate.stats.Newcombe;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one judge scorer's verdicts on a target changed from a base run to a head run, paired by case: the raw judged
 * difference and, when both runs were judged by the same calibrated judge (the same calibration fingerprint), the
 * change corrected for the judge's error with the conservative interval of judge-statistics §4.
 *
 * @param scorer      the judge scorer
 * @param paired      cases with a verdict in both runs (judge errors and unpaired cases left out)
 * @param bothPass    paired cases the judge passed in both runs
 * @param baseOnly    paired cases it passed in the base run only
 * @param headOnly    paired cases it passed in the head run only
 * @param bothFail    paired cases it failed in both runs
 * @param judged      the raw judged difference head − base with Newcombe's paired 95% interval; blind to the
 *                    judge's own error
 * @param corrected   the corrected change (an estimate, or why the calibration cannot give one), or null when the
 *                    two runs do not share one calibrated judge
 * @param uncorrected why there is no corrected change, or null when {@code corrected} is there
 */
public record JudgedChange(String scorer, long paired, long bothPass, long baseOnly, long headOnly, long bothFail,
                           Newcombe judged, JudgedComparison corrected, String uncorrected) {

    static final double CONFIDENCE = 0.95;

    public JudgedChange {
        Objects.requireNonNull(scorer, "scorer");
    }

    /**
     * The change of {@code scorer}'s verdicts (case id → judge passed) from {@code base} to {@code head}, with each
     * run's judged rate as stored (its calibration and fingerprint); either rate may be null.
     */
    public static JudgedChange of(String scorer, Map<String, Boolean> base, Map<String, Boolean> head,
                                  JudgedRate baseRate, JudgedRate headRate) {
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        for (Map.Entry<String, Boolean> h : head.entrySet()) {
            Boolean was = base.get(h.getKey());
            if (was == null || h.getValue() == null) {
                continue;
            }
            if (was) {
                if (h.getValue()) {
                    a++;
                } else {
                    b++;
                }
            } else if (h.getValue()) {
                c++;
            } else {
                d++;
            }
        }
        long paired = a + b + c + d;
        Newcombe judged = Newcombe.pairedInterval(a, b, c, d, CONFIDENCE);
        String why = paired == 0 ? "no case has a verdict of this judge in both runs" : sameJudge(baseRate, headRate);
        if (why != null) {
            return new JudgedChange(scorer, paired, a, b, c, d, judged, null, why);
        }
        return new JudgedChange(scorer, paired, a, b, c, d, judged,
                JudgedComparison.of(a, b, c, d, headRate.calibration(), CONFIDENCE), null);
    }

    /** Null when both runs were judged by one calibrated judge configuration; else why they were not. */
    private static String sameJudge(JudgedRate base, JudgedRate head) {
        if (base == null || head == null) {
            return "the " + (base == null ? "base" : "head") + " run keeps no judged rate for this judge scorer";
        }
        if (head.calibration() == null) {
            return "the head run's judged rate is not corrected: " + head.uncorrected();
        }
        if (base.calibration() == null) {
            return "the base run's judged rate is not corrected: " + base.uncorrected();
        }
        if (base.fingerprint() == null || head.fingerprint() == null) {
            return "the " + (base.fingerprint() == null ? "base" : "head") + " run did not record which judge"
                    + " configuration its calibration belongs to, so the two runs cannot be shown to share one judge";
        }
        if (!base.fingerprint().equals(head.fingerprint())) {
            return "the two runs were judged by different configurations of the judge (their calibration"
                    + " fingerprints differ), so the judge's error is not the same in both and a correction would"
                    + " mix two judges";
        }
        return null;
    }

    /** The corrected change, or null when there is none. */
    public JudgedComparison.Estimated estimate() {
        return corrected instanceof JudgedComparison.Estimated e ? e : null;
    }

    /** Why no corrected change is shown: not one calibrated judge, or a judge that may be no better than chance. */
    public String reason() {
        if (corrected instanceof JudgedComparison.Undecidable u) {
            return u.reason();
        }
        return uncorrected;
    }

    /** One line: the raw judged change and the corrected one, or why there is no corrected one. */
    public String describe() {
        Interval raw = judged.interval();
        String line = String.format(Locale.ROOT, "raw judged change %+.1f pts [%+.1f, %+.1f] (uncorrected, %d"
                        + " paired cases)", 100 * judged.difference(), 100 * raw.lower(), 100 * raw.upper(), paired);
        JudgedComparison.Estimated e = estimate();
        if (e != null) {
            return String.format(Locale.ROOT, "corrected change %+.1f pts [%+.1f, %+.1f] 95%% (same calibrated"
                            + " judge); ", 100 * e.difference(), 100 * e.interval().lower(),
                    100 * e.interval().upper()) + line;
        }
        return line + "; no corrected change: " + reason();
    }
}
