package dev.evalgate.metric;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts of (expected label, predicted label) pairs for one target. Free-text predictions could grow the matrix
 * without bound, so labels past {@link #MAX_LABELS} become {@value TargetMetricsCollector#OTHER}. Not thread-safe.
 */
final class ConfusionCounter {

    static final int MAX_LABELS = 1_000;

    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Set<String> labels = new HashSet<>();

    /** Expected: the case's primary answer. Predicted: the first sample's output, or the error column. */
    void add(CaseResult result) {
        String expected = bounded(orNone(result.kase().expected().primary()));
        String predicted = predicted(result);
        counts.computeIfAbsent(expected, k -> new HashMap<>()).merge(predicted, 1L, Long::sum);
    }

    Classification finish() {
        return Classification.of(counts);
    }

    private String predicted(CaseResult result) {
        if (result.samples().isEmpty()) {
            return Classification.ERROR_COLUMN;
        }
        Sample first = result.first();
        if (first.outcome() == Outcome.ERROR || first.output() == null) {
            return Classification.ERROR_COLUMN;
        }
        return bounded(orNone(first.output()));
    }

    private String bounded(String label) {
        if (labels.contains(label)) {
            return label;
        }
        if (labels.size() >= MAX_LABELS) {
            return TargetMetricsCollector.OTHER;
        }
        labels.add(label);
        return label;
    }

    private static String orNone(String label) {
        return label == null || label.isEmpty() ? TargetMetricsCollector.NONE : label;
    }
}
