package dev.evalgate.stats;

/**
 * A split of a human-labelling budget between items that truly fail (m0) and items that truly pass (m1), chosen
 * to narrow the corrected pass-rate interval the most (the allocation rule of Lee et al., 2025).
 *
 * <p>The rule puts labels where the judge errs more and where the suite has more items: with κ = (1 − q0)/(1 − q1)
 * the share of passes is m1 = m / (1 + (1/p̂ − 1)·√κ). Error rates from a small pilot are smoothed by one
 * pseudo-error each so that a pilot without errors does not send the whole budget to one class.
 *
 * @param fails  m0, labels to spend on items that truly fail
 * @param passes m1, labels to spend on items that truly pass
 */
public record LabelAllocation(long fails, long passes) {

    /** The split of {@code budget} labels for a judged rate {@code judgedRate} and assumed q0, q1. */
    public static LabelAllocation split(long budget, double judgedRate, double q0, double q1) {
        return splitByRatio(budget, judgedRate, (1 - q0) / (1 - q1), 0);
    }

    /** The split when q0 and q1 come from a pilot of {@code pilot} labels of each kind. */
    public static LabelAllocation split(long budget, double judgedRate, double q0, double q1, long pilot) {
        double ratio = (pilot * (1 - q0) + 1) / (pilot * (1 - q1) + 1);
        return splitByRatio(budget, judgedRate, ratio, pilot);
    }

    /**
     * How to spend {@code extra} more labels on top of an existing calibration: the labels of each kind to add
     * so that the whole set comes closest to the best split. The calibration serves as the pilot; its two
     * classes may differ in size, so their smoothed error rates are compared.
     */
    public static LabelAllocation more(JudgeCalibration calibration, double judgedRate, long extra) {
        if (extra < 0) {
            throw new IllegalArgumentException("extra labels must be >= 0, got " + extra);
        }
        long m0 = calibration.humanFails();
        long m1 = calibration.humanPasses();
        double falsePass = (calibration.judgeOnlyPass() + 1.0) / (m0 + 2.0);
        double falseFail = (calibration.humanOnlyPass() + 1.0) / (m1 + 2.0);
        LabelAllocation target = splitByRatio(m0 + m1 + extra, judgedRate, falsePass / falseFail, 0);
        // Labels already given cannot be taken back: the new passes lie between none and all of the extra.
        long addPasses = Math.min(extra, Math.max(0, target.passes() - m1));
        return new LabelAllocation(extra - addPasses, addPasses);
    }

    /** All labels in the split. */
    public long total() {
        return fails + passes;
    }

    private static LabelAllocation splitByRatio(long budget, double judgedRate, double errorRatio, long pilot) {
        if (budget < 0 || pilot < 0 || 2 * pilot > budget) {
            throw new IllegalArgumentException("need 0 <= 2 * pilot <= budget, got budget " + budget
                    + " and pilot " + pilot);
        }
        if (!(judgedRate >= 0 && judgedRate <= 1)) {
            throw new IllegalArgumentException("judged pass rate must be in [0, 1], got " + judgedRate);
        }
        double passes;
        if (Double.isNaN(errorRatio)) {
            // A judge assumed perfect on both classes: no class is noisier, so only the suite's mix matters.
            passes = budget * judgedRate;
        } else if (judgedRate == 0 || errorRatio == Double.POSITIVE_INFINITY) {
            passes = 0;
        } else if (judgedRate == 1 || errorRatio == 0) {
            passes = budget;
        } else {
            passes = budget / (1 + (1 / judgedRate - 1) * Math.sqrt(errorRatio));
        }
        long rounded = Math.min(budget - pilot, Math.max(pilot, Math.round(passes)));
        return new LabelAllocation(budget - rounded, rounded);
    }
}
