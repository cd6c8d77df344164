package dev.evalgate.compare;

import java.util.List;

/**
 * Two runs compared target by target, with what makes the comparison less than fair said up front.
 *
 * @param sameDataset      false when the dataset hashes differ: cases may have changed under the same ids
 * @param sameScorers      false when the runs were judged by different scorers
 * @param changedTargets   targets present in both runs whose settings differ (expected when a change is tested)
 * @param missingTargets   targets in only one of the runs; they are not compared
 * @param seed             the bootstrap seed, printed so the figures can be reproduced
 */
public record Comparison(String baseRunId, String headRunId, boolean sameDataset, boolean sameScorers,
                         List<String> changedTargets, List<String> missingTargets, List<TargetComparison> targets,
                         int resamples, long seed) {

    public Comparison {
        changedTargets = List.copyOf(changedTargets);
        missingTargets = List.copyOf(missingTargets);
        targets = List.copyOf(targets);
    }
}
