package dev.evalgate.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for a family of tests (eval-statistics §6), returned in the caller's order.
 *
 * <p>Holm controls the family-wise error under any dependence and is the rule for the blocking metrics of a gate;
 * Benjamini–Hochberg controls the false discovery rate (independence or positive dependence) and is for
 * report-only slice warnings. Compare an adjusted p with the unadjusted level, e.g. {@code holm[i] < 0.025}.
 */
public final class Multiplicity {

    private Multiplicity() {
    }

    /** Holm step-down: p̃₍i₎ = max_{j≤i} min(1, (m−j+1)·p₍j₎). */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = ascending(p);
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            running = Math.max(running, Math.min(1, (m - k) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Benjamini–Hochberg step-up: p̃₍i₎ = min_{j≥i} min(1, m·p₍j₎/j). */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = ascending(p);
        double[] adjusted = new double[m];
        double running = 1;
        for (int k = m - 1; k >= 0; k--) {
            int i = order[k];
            running = Math.min(running, m * p[i] / (k + 1));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Bonferroni: min(1, m·p). Shown for comparison; Holm is uniformly more powerful. */
    public static double[] bonferroni(double[] p) {
        check(p);
        return Arrays.stream(p).map(v -> Math.min(1, p.length * v)).toArray();
    }

    /** Indices of {@code p} by ascending value; ties keep their input order. */
    private static Integer[] ascending(double[] p) {
        check(p);
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }

    private static void check(double[] p) {
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " must be in [0, 1], got " + p[i]);
            }
        }
    }
}
