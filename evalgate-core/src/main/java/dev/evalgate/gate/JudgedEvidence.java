package dev.evalgate.gate;

import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.calibration.JudgedRate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gate knows of a run's model judges beyond its cases: per target and judge scorer, the judged rate as the
 * run stored it (with the calibration it was corrected by) and, against a baseline, the change of that scorer's
 * verdicts. The stored cases keep each output's verdicts but not the calibration the run used.
 *
 * @param rates   target → judge scorer → judged rate of the head run
 * @param changes target → judge scorer → change from the baseline; empty without a baseline or when the baseline
 *                keeps no verdicts (a baseline file)
 */
public record JudgedEvidence(Map<String, Map<String, JudgedRate>> rates,
                             Map<String, Map<String, JudgedChange>> changes) {

    public static final JudgedEvidence NONE = new JudgedEvidence(Map.of(), Map.of());

    public JudgedEvidence {
        rates = copy(rates);
        changes = copy(changes);
    }

    /** Rates of one unnamed judge per target, as runs stored them before judge scorers were counted apart. */
    public static JudgedEvidence ofPooled(Map<String, JudgedRate> pooled) {
        Map<String, Map<String, JudgedRate>> rates = new LinkedHashMap<>();
        pooled.forEach((target, rate) -> rates.put(target, Map.of(JudgedBudgets.DEFAULT_SCORER, rate)));
        return new JudgedEvidence(rates, Map.of());
    }

    /** The same rates with the changes against a baseline. */
    public JudgedEvidence withChanges(Map<String, Map<String, JudgedChange>> value) {
        return new JudgedEvidence(rates, value);
    }

    private static <T> Map<String, Map<String, T>> copy(Map<String, Map<String, T>> byTarget) {
        Map<String, Map<String, T>> out = new LinkedHashMap<>();
        if (byTarget != null) {
            byTarget.forEach((target, byScorer) -> out.put(target,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byScorer))));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
