package dev.evalgate.compare;

import java.util.List;
import java.util.Optional;

/**
 * One run as a comparison or the gate reads it, whether it came from the store or from a baseline file.
 *
 * @param runId         the run's id, or the baseline file's name
 * @param datasetSha256 the dataset hash, to refuse comparing different datasets silently
 * @param scorers       canonical scorer specs, to flag runs judged differently
 * @param targetSpecs   per target id, its spec with secrets removed, in suite order
 * @param slices        the tag keys the suite slices by; the comparison reports each key's values
 */
public record RunRecord(String runId, String suite, String datasetSha256, List<String> scorers,
                        List<TargetSpec> targetSpecs, List<TargetRecord> targets, List<String> slices) {

    /** A target's id and settings as the run recorded them. */
    public record TargetSpec(String id, String spec) {
    }

    public RunRecord {
        scorers = List.copyOf(scorers);
        targetSpecs = List.copyOf(targetSpecs);
        targets = List.copyOf(targets);
        slices = slices == null ? List.of() : List.copyOf(slices);
    }

    /** A run that slices by nothing. */
    public RunRecord(String runId, String suite, String datasetSha256, List<String> scorers,
                     List<TargetSpec> targetSpecs, List<TargetRecord> targets) {
        this(runId, suite, datasetSha256, scorers, targetSpecs, targets, List.of());
    }

    public Optional<TargetRecord> target(String id) {
        return targets.stream().filter(t -> t.target().equals(id)).findFirst();
    }
}
