package dev.evalgate.stats;

/**
 * A judged pass rate corrected for the judge's own error: the Rogan–Gladen point estimate and the interval of
 * Lee et al. (2025) that carries the uncertainty of both the judged cases and the calibration set.
 *
 * <p>The judged rate p̂ estimates J·θ + (1 − q0), not the true rate θ, so it is pulled towards 1 − q0. Inverting
 * that relation gives θ̂ = (p̂ + q̂0 − 1)/J. The interval works on add-two smoothed rates (p̃, q̃0, q̃1), shifts
 * its centre by a bias term dθ and widens by the calibration's variance, which a plain Wilson interval on the
 * judged verdicts leaves out; that omission is why such intervals miss the true rate most of the time on large
 * suites.
 *
 * @param point    θ̂ clipped to [0, 1]
 * @param interval the corrected interval, clipped to [0, 1]
 */
public record JudgeCorrection(double point, Interval interval) {

    /**
     * The correction for a judged pass rate {@code judgedRate} over {@code n} cases, by a judge with specificity
     * {@code q0} on {@code m0} human fails and sensitivity {@code q1} on {@code m1} human passes.
     *
     * @throws IllegalArgumentException when q0 + q1 ≤ 1, where the judge carries no usable signal and the
     *                                  estimate is undefined; callers decide that case before asking
     */
    public static JudgeCorrection of(double judgedRate, long n, double q0, double q1, long m0, long m1,
            double confidence) {
        requireRate("judged pass rate", judgedRate);
        requireRate("specificity", q0);
        requireRate("sensitivity", q1);
        if (n < 1 || m0 < 1 || m1 < 1) {
            throw new IllegalArgumentException("need n, m0 and m1 >= 1, got n = " + n + ", m0 = " + m0
                    + ", m1 = " + m1);
        }
        if (q0 + q1 <= 1) {
            throw new IllegalArgumentException("the correction needs specificity + sensitivity > 1, got "
                    + q0 + " + " + q1);
        }
        double z = Critical.z(confidence);
        double z2 = z * z;
        double point = clip((judgedRate + q0 - 1) / (q0 + q1 - 1));

        double nT = n + z2;
        double pT = (n * judgedRate + z2 / 2) / nT;
        double m0T = m0 + 2.0;
        double m1T = m1 + 2.0;
        double q0T = (m0 * q0 + 1) / m0T;
        double q1T = (m1 * q1 + 1) / m1T;
        double jT = q0T + q1T - 1;
        if (jT <= 0) {
            // Smoothing pulls both rates towards ½; on tiny calibration sets that can erase the signal entirely.
            return new JudgeCorrection(point, new Interval(0, 1));
        }
        double thetaT = (pT + q0T - 1) / jT;
        double var0 = q0T * (1 - q0T) / m0T;
        double var1 = q1T * (1 - q1T) / m1T;
        double shift = 2 * z2 * (-(1 - thetaT) * var0 + thetaT * var1);
        double se = Math.sqrt(pT * (1 - pT) / nT + (1 - thetaT) * (1 - thetaT) * var0
                + thetaT * thetaT * var1) / jT;
        double centre = thetaT + shift;
        return new JudgeCorrection(point, new Interval(clip(centre - z * se), clip(centre + z * se)));
    }

    private static double clip(double value) {
        return Math.min(1, Math.max(0, value));
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
