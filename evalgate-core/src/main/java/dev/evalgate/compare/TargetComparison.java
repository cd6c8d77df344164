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
 */
public record TargetComparison(String target, int paired, long bothPass, long regressedCount, long fixedCount,
                               long neither, double basePassRate, double headPassRate, Newcombe difference,
                               McNemar mcnemar, double baseP95, double headP95, BootstrapInterval p95Ratio,
                               Double costRatio, double baseErrorRate, double headErrorRate, List<Flip> regressed,
                               List<Flip> fixed, List<String> newCases, List<String> removedCases) {

    public TargetComparison {
        regressed = List.copyOf(regressed);
        fixed = List.copyOf(fixed);
        newCases = List.copyOf(newCases);
        removedCases = List.copyOf(removedCases);
    }
}
