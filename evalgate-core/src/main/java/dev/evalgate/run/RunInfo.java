package dev.evalgate.run;

import java.util.List;

/**
 * What produced a run's numbers, so that two runs can be compared honestly.
 *
 * @param datasetSha256   hash of the dataset file's bytes
 * @param targets         each target's id, type and settings with secrets removed
 * @param scorers         each scorer's canonical spec
 * @param priceTable      the version of the price table costs were computed with
 * @param selection       which cases ran: "all", "first 50", "sample 200 (seed 1)"
 */
public record RunInfo(String runId, String suite, String suiteFile, String datasetFile, String datasetSha256,
                      List<TargetInfo> targets, List<String> scorers, List<String> slices, int repeat, long seed,
                      String selection, String priceTable, String toolVersion) {

    /** One target as it ran. */
    public record TargetInfo(String id, String type, String model, String price, String spec) {
    }
}
