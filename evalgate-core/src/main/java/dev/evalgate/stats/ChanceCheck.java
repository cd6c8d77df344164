package dev.evalgate.stats;

import java.util.Locale;

/**
 * The wording and the label advice for a judge that may be no better than chance, shared by the corrected pass
 * rate and the corrected comparison.
 */
final class ChanceCheck {

    /** No calibration larger than this is suggested: a judge that needs more labels should be replaced. */
    static final long MAX_LABELS = 20_000;

    private static final long STEP = 10;

    private ChanceCheck() {
    }

    /** One sentence: J, its lower bound, and why that stops the correction. */
    static String reason(JudgeCalibration calibration, Interval youden, double level) {
        return String.format(Locale.ROOT, "the judge may be no better than chance: J is %.3f, but its %s%% lower"
                + " bound is %.3f (needs to be above 0) on %d human passes and %d human fails",
                calibration.youden(), percent(level), youden.lower(), calibration.humanPasses(),
                calibration.humanFails());
    }

    /**
     * The fewest extra labels, split by the allocation rule, after which J's lower bound would clear zero if the
     * judge kept its observed error rates; null when its rates show no signal at all or more than
     * {@link #MAX_LABELS} would be needed.
     */
    static LabelAllocation advice(JudgeCalibration calibration, double judgedRate, double level) {
        double q0 = calibration.humanFails() == 0 ? 0.5 : calibration.specificity();
        double q1 = calibration.humanPasses() == 0 ? 0.5 : calibration.sensitivity();
        if (calibration.humanFails() > 0 && calibration.humanPasses() > 0 && q0 + q1 <= 1) {
            return null;
        }
        for (long extra = STEP; extra <= MAX_LABELS; extra += STEP) {
            LabelAllocation more = coverBothClasses(calibration,
                    LabelAllocation.more(calibration, judgedRate, extra));
            long m0 = calibration.humanFails() + more.fails();
            long m1 = calibration.humanPasses() + more.passes();
            // Project the observed rates onto the larger set; an unseen class is assumed to be judged at ½.
            long d = Math.round(q0 * m0);
            long a = Math.round(q1 * m1);
            JudgeCalibration projected = new JudgeCalibration(a, m0 - d, m1 - a, d);
            if (projected.youdenInterval(level).lower() > 0) {
                return more;
            }
        }
        return null;
    }

    /**
     * The allocation with at least {@link #STEP} labels moved to a class the calibration lacks: the rule alone
     * would send nothing there when the suite is judged (almost) all one way, and without that class no
     * correction is possible.
     */
    private static LabelAllocation coverBothClasses(JudgeCalibration calibration, LabelAllocation more) {
        if (calibration.humanFails() == 0 && more.fails() < STEP) {
            return new LabelAllocation(STEP, more.total() - STEP);
        }
        if (calibration.humanPasses() == 0 && more.passes() < STEP) {
            return new LabelAllocation(more.total() - STEP, STEP);
        }
        return more;
    }

    /** The advice as the end of a sentence, or why more labels will not help. */
    static String adviceText(LabelAllocation advice) {
        if (advice == null) {
            return "more labels will not help: change the judge model or its rubric";
        }
        return "label about " + advice.total() + " more items (" + advice.fails() + " that truly fail, "
                + advice.passes() + " that truly pass)";
    }

    private static String percent(double level) {
        return String.format(Locale.ROOT, "%.1f", level * 100).replace(".0", "");
    }
}
