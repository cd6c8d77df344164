package dev.evalgate.stats;

/**
 * A confidence interval for the difference of two paired pass rates, Δ = candidate − baseline, by Newcombe's
 * (1998) square-and-add method 10 with the corrected φ (eval-statistics §3.2).
 *
 * <p>Conventions of the 2×2 table, as in the reference: a = both pass, b = baseline-only passes (the candidate
 * lost the case), c = candidate-only passes, d = both fail. So p_cand = (a+c)/n, p_base = (a+b)/n and
 * Δ̂ = (c − b)/n; a negative Δ is a regression. The Wilson limits of both rates are combined with the
 * correlation term φ; the corrected φ (Fagerland et al.'s {@code contingencytables}) shrinks a positive
 * a·d − b·c by n/2, and is 0 when any margin is empty.
 *
 * @param difference Δ̂ = (c − b)/n; NaN when n is 0
 * @param phi        the corrected correlation term used
 */
public record Newcombe(double difference, double phi, Interval interval) {

    /** The method 10 interval for the paired table (a, b, c, d) at a two-sided {@code confidence}. */
    public static Newcombe pairedInterval(long a, long b, long c, long d, double confidence) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("paired table cells must be >= 0, got a = " + a + ", b = " + b
                    + ", c = " + c + ", d = " + d);
        }
        Critical.requireConfidence(confidence);
        long n = a + b + c + d;
        if (n == 0) {
            return new Newcombe(Double.NaN, 0, Interval.empty());
        }
        double pCand = (double) (a + c) / n;
        double pBase = (double) (a + b) / n;
        Interval cand = Proportion.wilson(a + c, n, confidence);
        Interval base = Proportion.wilson(a + b, n, confidence);
        double phi = correctedPhi(a, b, c, d, n);
        double delta = pCand - pBase;
        double candDown = pCand - cand.lower();
        double candUp = cand.upper() - pCand;
        double baseDown = pBase - base.lower();
        double baseUp = base.upper() - pBase;
        // The lower limit pairs the candidate's fall with the baseline's rise, and the upper the reverse.
        double lower = delta - Math.sqrt(candDown * candDown - 2 * phi * candDown * baseUp + baseUp * baseUp);
        double upper = delta + Math.sqrt(baseDown * baseDown - 2 * phi * baseDown * candUp + candUp * candUp);
        return new Newcombe(delta, phi, new Interval(lower, upper));
    }

    private static double correctedPhi(long a, long b, long c, long d, long n) {
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
            return 0;
        }
        // Products of four counts overflow long near n = 65,536; doubles keep the ratio accurate.
        double margins = Math.sqrt((double) (a + b) * (c + d) * (a + c) * (b + d));
        double cross = (double) a * d - (double) b * c;
        double corrected = cross > 0 ? Math.max(cross - n / 2.0, 0) : cross;
        return corrected / margins;
    }
}
