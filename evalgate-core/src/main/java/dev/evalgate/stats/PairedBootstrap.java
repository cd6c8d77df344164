package dev.evalgate.stats;

import java.util.Arrays;

/**
 * The paired case bootstrap: resample cases with replacement, the same indices for both arms, and read the
 * percentile interval off the sorted replicates (eval-statistics §4.3, §8).
 *
 * <p>The order of draws is part of the result: replicate-major, one {@link SeededDraws#index} per position,
 * shared by baseline and candidate. Callers sort cases by case id first, so the same runs give the same interval
 * on every machine. Quantiles are nearest rank, for the statistic and for picking the replicate percentiles.
 */
public final class PairedBootstrap {

    private PairedBootstrap() {
    }

    /**
     * The interval of q_p(candidate) / q_p(baseline), e.g. the p95 latency ratio, with the observed ratio as the
     * point. A zero baseline quantile makes that ratio infinite; latency and cost are positive in practice.
     */
    public static BootstrapInterval ratioOfQuantile(double[] base, double[] cand, double p, int resamples,
            long seed, double confidence) {
        int n = checkPaired(base, cand, resamples, confidence);
        double point = quantile(cand.clone(), p) / quantile(base.clone(), p);
        SeededDraws draws = new SeededDraws(seed);
        double[] replicates = new double[resamples];
        double[] resampledBase = new double[n];
        double[] resampledCand = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int j = 0; j < n; j++) {
                int i = draws.index(n);
                resampledBase[j] = base[i];
                resampledCand[j] = cand[i];
            }
            replicates[r] = quantile(resampledCand, p) / quantile(resampledBase, p);
        }
        return new BootstrapInterval(point, percentiles(replicates, confidence), resamples, seed);
    }

    /** The interval of the mean paired difference, mean(candidate − baseline). */
    public static BootstrapInterval meanDifference(double[] base, double[] cand, int resamples, long seed,
            double confidence) {
        int n = checkPaired(base, cand, resamples, confidence);
        double[] differences = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            differences[i] = cand[i] - base[i];
            total += differences[i];
        }
        SeededDraws draws = new SeededDraws(seed);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += differences[draws.index(n)];
            }
            replicates[r] = sum / n;
        }
        return new BootstrapInterval(total / n, percentiles(replicates, confidence), resamples, seed);
    }

    /** Sorts {@code replicates} in place and picks the nearest-rank (1 ∓ confidence)/2 percentiles. */
    static Interval percentiles(double[] replicates, double confidence) {
        Arrays.sort(replicates);
        double tail = (1 - confidence) / 2;
        return new Interval(Quantiles.nearestRank(replicates, tail), Quantiles.nearestRank(replicates, 1 - tail));
    }

    /** Sorts {@code values} in place and returns their nearest-rank p-quantile. */
    private static double quantile(double[] values, double p) {
        Arrays.sort(values);
        return Quantiles.nearestRank(values, p);
    }

    private static int checkPaired(double[] base, double[] cand, int resamples, double confidence) {
        Critical.requireConfidence(confidence);
        if (base.length != cand.length) {
            throw new IllegalArgumentException("paired bootstrap needs one candidate value per baseline value, got "
                    + base.length + " baseline and " + cand.length + " candidate values; pair the runs by case id");
        }
        if (base.length == 0) {
            throw new IllegalArgumentException("paired bootstrap needs at least one case, got none");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1 (10000 for decisions), got " + resamples);
        }
        return base.length;
    }
}
