package dev.evalgate.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Power planning for a paired comparison: the minimum detectable effect at n cases and the n needed for an effect
 * (Miller 2024 Eq. 9/10; eval-statistics §3.5).
 *
 * <p>{@code variance} is the variance of the per-case difference, ω² + σ_A²/K_A + σ_B²/K_B; estimate it from a
 * previous pair of runs as Var(d) (binary, K = 1: about the discordance rate). {@code alpha} is the test's level
 * and {@code sides} says whether it is split over two tails, so the gate's one-sided 0.025 equals two-sided 0.05.
 */
public final class Power {

    /** Whether the test's level is split over two tails (z_{α/2}) or spent on one (z_α). */
    public enum Sides { ONE_SIDED, TWO_SIDED }

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Power() {
    }

    /** Eq. 10: δ_MDE = (z_α + z_β)·sqrt(variance / n); 0.065598 for Var(d) 0.109648, n 200, two-sided 5%, 80%. */
    public static double mde(long n, double variance, double alpha, Sides sides, double power) {
        if (n < 1) {
            throw new IllegalArgumentException("need n >= 1 cases for a minimum detectable effect, got " + n);
        }
        return zSum(alpha, sides, power) * Math.sqrt(checkVariance(variance) / n);
    }

    /** Eq. 9: n = (z_α + z_β)²·variance / δ², unrounded; round up to plan a suite. */
    public static double requiredN(double delta, double variance, double alpha, Sides sides, double power) {
        double z = zSum(alpha, sides, power);
        return z * z * checkVariance(variance) / (checkDelta(delta) * checkDelta(delta));
    }

    /**
     * Connor's (1987) McNemar sample size, n = [z_α·√ψ + z_β·√(ψ − δ²)]² / δ², from the discordance rate
     * ψ = (b + c)/n; agrees with Eq. 9 when Var(d) ≈ ψ − δ².
     */
    public static double requiredNConnor(double delta, double discordance, double alpha, Sides sides,
            double power) {
        checkDelta(delta);
        if (!(discordance > delta * delta && discordance <= 1)) {
            throw new IllegalArgumentException("discordance rate must be in (delta², 1], got " + discordance);
        }
        double term = zAlpha(alpha, sides) * Math.sqrt(discordance)
                + zBeta(power) * Math.sqrt(discordance - delta * delta);
        return term * term / (delta * delta);
    }

    /** The probability that the test detects a true effect δ at n cases: Φ(δ/SE − z_α), SE = sqrt(variance/n). */
    public static double power(double delta, long n, double variance, double alpha, Sides sides) {
        double se = Math.sqrt(checkVariance(variance) / n);
        return STANDARD_NORMAL.cumulativeProbability(checkDelta(delta) / se - zAlpha(alpha, sides));
    }

    /** Miller's bracketed term ω² + σ_A²/K_A + σ_B²/K_B: between-case variance plus each arm's sampling noise. */
    public static double millerVariance(double omega2, double sigmaA2, int kA, double sigmaB2, int kB) {
        if (kA < 1 || kB < 1) {
            throw new IllegalArgumentException("samples per case K must be >= 1, got " + kA + " and " + kB);
        }
        return checkVariance(omega2) + checkVariance(sigmaA2) / kA + checkVariance(sigmaB2) / kB;
    }

    private static double zSum(double alpha, Sides sides, double power) {
        return zAlpha(alpha, sides) + zBeta(power);
    }

    private static double zAlpha(double alpha, Sides sides) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), e.g. 0.05, got " + alpha);
        }
        return STANDARD_NORMAL.inverseSurvivalProbability(sides == Sides.TWO_SIDED ? alpha / 2 : alpha);
    }

    private static double zBeta(double power) {
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), e.g. 0.80, got " + power);
        }
        return STANDARD_NORMAL.inverseSurvivalProbability(1 - power);
    }

    private static double checkVariance(double variance) {
        if (!(variance >= 0 && Double.isFinite(variance))) {
            throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
        }
        return variance;
    }

    private static double checkDelta(double delta) {
        if (!(delta > 0 && Double.isFinite(delta))) {
            throw new IllegalArgumentException("effect size delta must be > 0, e.g. 0.03 for 3 pp, got " + delta);
        }
        return delta;
    }
}
