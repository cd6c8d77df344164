package dev.evalgate.compare;

import dev.evalgate.stats.BootstrapInterval;
import dev.evalgate.stats.McNemar;
import dev.evalgate.stats.Newcombe;

import java.util.List;

/**
 * Baseline and head of one target, paired by case id (eval-statistics §3).
 *
 * <p>The 2×2 table follows the reference: a = both pass, b = only the baseline passes (regressed), c = only the
 * head passes (fixed), d = neither. Δ = head − baseline.
 *
 * @param p95Ratio   paired bootstrap of p95(head) / p95(baseline) over cases with live latency in both; null when
 *                   fewer than 2 such cases
 * @param costRatio  total cost of the head over total cost of the baseline on the paired cases; null when unknown
 * @param slices     per slice value of the head run's slice keys, report only, sorted by key then value
 * @param ttft       time to first token of both runs, for a target that streamed; null when either run has no
 *                   streamed case
 */
public record TargetComparison(String target, int paired, long bothPass, long regressedCount, long fixedCount,
                               long neither, double basePassRate, double headPassRate, Newcombe difference,
                               McNemar mcnemar, double baseP95, double headP95, BootstrapInterval p95Ratio,
                               Double costRatio, double baseErrorRate, double headErrorRate, List<Flip> regressed,
                               List<Flip> fixed, List<String> newCases, List<String> removedCases,
                               List<SliceComparison> slices, TtftComparison ttft) {

    /**
     * p95 time to first token of both runs over the cases that streamed in both, and the paired bootstrap of their
     * ratio (null when fewer than 2 such cases), computed like the latency p95 ratio.
     */
    public record TtftComparison(double baseP95, double headP95, BootstrapInterval p95Ratio) {
    }

    /** A comparison of targets that did not stream. */
    public TargetComparison(String target, int paired, long bothPass, long regressedCount, long fixedCount,
                            long neither, double basePassRate, double headPassRate, Newcombe difference,
                            McNemar mcnemar, double baseP95, double headP95, BootstrapInterval p95Ratio,
                            Double costRatio, double baseErrorRate, double headErrorRate, List<Flip> regressed,
                            List<Flip> fixed, List<String> newCases, List<String> removedCases,
                            List<SliceComparison> slices) {
        this(target, paired, bothPass, regressedCount, fixedCount, neither, basePassRate, headPassRate, difference,
                mcnemar, baseP95, headP95, p95Ratio, costRatio, baseErrorRate, headErrorRate, regressed, fixed,
                newCases, removedCases, slices, null);
    }

    public TargetComparison {
        regressed = List.copyOf(regressed);
        fixed = List.copyOf(fixed);
        newCases = List.copyOf(newCases);
        removedCases = List.copyOf(removedCases);
        slices = slices == null ? List.of() : List.copyOf(slices);
    }

    /** A comparison without slices. */
    public TargetComparison(String target, int paired, long bothPass, long regressedCount, long fixedCount,
                            long neither, double basePassRate, double headPassRate, Newcombe difference,
                            McNemar mcnemar, double baseP95, double headP95, BootstrapInterval p95Ratio,
                            Double costRatio, double baseErrorRate, double headErrorRate, List<Flip> regressed,
                            List<Flip> fixed, List<String> newCases, List<String> removedCases) {
        this(target, paired, bothPass, regressedCount, fixedCount, neither, basePassRate, headPassRate, difference,
                mcnemar, baseP95, headP95, p95Ratio, costRatio, baseErrorRate, headErrorRate, regressed, fixed,
                newCases, removedCases, List.of(), null);
    }
}
