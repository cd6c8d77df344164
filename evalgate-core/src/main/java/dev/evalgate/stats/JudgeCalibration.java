package dev.evalgate.stats;

/**
 * The agreement counts of a judge against human labels on a calibration set, and the error rates derived from
 * them.
 *
 * <p>Humans are taken as the truth. Sensitivity q1 is the share of human-passed items the judge passed;
 * specificity q0 is the share of human-failed items the judge failed; Youden's J = q0 + q1 − 1 is how much of the
 * true difference between a pass and a fail survives in the judge's verdicts (1 for a perfect judge, 0 for a coin).
 *
 * @param bothPass      a, human pass and judge pass
 * @param judgeOnlyPass b, human fail but judge pass (a false pass)
 * @param humanOnlyPass c, human pass but judge fail (a false fail)
 * @param bothFail      d, human fail and judge fail
 */
public record JudgeCalibration(long bothPass, long judgeOnlyPass, long humanOnlyPass, long bothFail) {

    public JudgeCalibration {
        if (bothPass < 0 || judgeOnlyPass < 0 || humanOnlyPass < 0 || bothFail < 0) {
            throw new IllegalArgumentException("calibration counts must be >= 0, got a = " + bothPass + ", b = "
                    + judgeOnlyPass + ", c = " + humanOnlyPass + ", d = " + bothFail);
        }
    }

    /** m1, the items humans passed. */
    public long humanPasses() {
        return bothPass + humanOnlyPass;
    }

    /** m0, the items humans failed. */
    public long humanFails() {
        return judgeOnlyPass + bothFail;
    }

    /** All labelled items, m0 + m1. */
    public long size() {
        return humanPasses() + humanFails();
    }

    /** q̂1, the share of human-passed items the judge passed; NaN when m1 is 0. */
    public double sensitivity() {
        return humanPasses() == 0 ? Double.NaN : (double) bothPass / humanPasses();
    }

    /** q̂0, the share of human-failed items the judge failed; NaN when m0 is 0. */
    public double specificity() {
        return humanFails() == 0 ? Double.NaN : (double) bothFail / humanFails();
    }

    /** The Wilson interval of the sensitivity; empty when m1 is 0. */
    public Interval sensitivityInterval(double confidence) {
        return Proportion.wilson(bothPass, humanPasses(), confidence);
    }

    /** The Wilson interval of the specificity; empty when m0 is 0. */
    public Interval specificityInterval(double confidence) {
        return Proportion.wilson(bothFail, humanFails(), confidence);
    }

    /** The raw share of items where judge and human agree; NaN for an empty set. */
    public double agreement() {
        return size() == 0 ? Double.NaN : (double) (bothPass + bothFail) / size();
    }

    /** Cohen's κ with its interval. */
    public CohenKappa kappa(double confidence) {
        return CohenKappa.of(bothPass, judgeOnlyPass, humanOnlyPass, bothFail, confidence);
    }

    /** Youden's J = q̂0 + q̂1 − 1; NaN when either class has no labels. */
    public double youden() {
        return specificity() + sensitivity() - 1;
    }

    /**
     * An interval for J, by Newcombe's square-and-add of the two independent Wilson intervals (J is the
     * difference of the true-pass rate among human passes and the false-pass rate among human fails).
     *
     * @return the interval, or empty when either class has no labels
     */
    public Interval youdenInterval(double confidence) {
        if (humanPasses() == 0 || humanFails() == 0) {
            return Interval.empty();
        }
        double q1 = sensitivity();
        double falsePass = 1 - specificity();
        Interval sens = sensitivityInterval(confidence);
        Interval fp = Proportion.wilson(judgeOnlyPass, humanFails(), confidence);
        double j = q1 - falsePass;
        double lower = j - Math.hypot(q1 - sens.lower(), fp.upper() - falsePass);
        double upper = j + Math.hypot(sens.upper() - q1, falsePass - fp.lower());
        return new Interval(lower, upper);
    }
}
