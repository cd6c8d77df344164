package dev.evalgate.store;

import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.gate.JudgedEvidence;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How each judge scorer's verdicts changed between two stored runs, per target: the cases' stored verdicts paired
 * by case id, with each run's stored judged rate (its calibration and fingerprint) for the correction.
 */
public final class StoredJudgedChanges {

    private StoredJudgedChanges() {
    }

    /**
     * What the gate reads of a stored run's judges: its judged rates per judge scorer and, against a stored
     * baseline ({@code baseRunId}, or null for none or a baseline file), each scorer's change.
     */
    public static JudgedEvidence evidence(Store store, String headRunId, String baseRunId) {
        StoredRun head = RunRecords.find(store, headRunId);
        JudgedEvidence rates = new JudgedEvidence(StoredJudgedRates.byScorer(head), Map.of());
        return baseRunId == null ? rates : rates.withChanges(of(store, RunRecords.find(store, baseRunId), head));
    }

    /** Target → judge scorer → change from {@code base} to {@code head}, for the judge scorers of the head run. */
    public static Map<String, Map<String, JudgedChange>> of(Store store, StoredRun base, StoredRun head) {
        Map<String, Map<String, JudgedRate>> headRates = StoredJudgedRates.byScorer(head);
        Map<String, Map<String, JudgedRate>> baseRates = StoredJudgedRates.byScorer(base);
        if (headRates.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Map<String, Boolean>>> headVerdicts = verdicts(store, head.summary().runId());
        Map<String, Map<String, Map<String, Boolean>>> baseVerdicts = verdicts(store, base.summary().runId());
        Map<String, Map<String, JudgedChange>> out = new LinkedHashMap<>();
        headRates.forEach((target, rates) -> {
            Map<String, JudgedChange> changes = new LinkedHashMap<>();
            rates.forEach((scorer, headRate) -> changes.put(scorer, JudgedChange.of(scorer,
                    verdictsOf(baseVerdicts, target, scorer), verdictsOf(headVerdicts, target, scorer),
                    baseRates.getOrDefault(target, Map.of()).get(scorer), headRate)));
            out.put(target, changes);
        });
        return out;
    }

    /**
     * Target → judge scorer → case id → whether the judge passed it, from the first sample the judge gave a verdict
     * on. A run of unnamed judges keeps its scores under {@value StoredJudgedRates#DEFAULT_SCORER} too.
     */
    static Map<String, Map<String, Map<String, Boolean>>> verdicts(Store store, String runId) {
        Map<String, Map<String, Map<String, Boolean>>> out = new HashMap<>();
        try (Stream<StoredCaseResult> rows = store.caseResults(runId)) {
            rows.forEach(row -> {
                for (Score score : row.sample().scores()) {
                    if (score.grading() == null || score.outcome() == Outcome.ERROR) {
                        continue;
                    }
                    out.computeIfAbsent(row.target(), t -> new HashMap<>())
                            .computeIfAbsent(score.scorer(), s -> new HashMap<>())
                            .putIfAbsent(row.caseId(), score.outcome() == Outcome.PASS);
                }
            });
        }
        return out;
    }

    private static Map<String, Boolean> verdictsOf(Map<String, Map<String, Map<String, Boolean>>> verdicts,
                                                   String target, String scorer) {
        return verdicts.getOrDefault(target, Map.of()).getOrDefault(scorer, Map.of());
    }
}
