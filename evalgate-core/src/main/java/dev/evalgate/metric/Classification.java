package dev.evalgate.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Classification quality of one target: accuracy, per-label precision, recall and F1, macro-F1 and the
 * confusion matrix.
 *
 * <p>Errored cases are wrong, not dropped: they sit in a separate predicted column {@value #ERROR_COLUMN}, so
 * they lower accuracy and the recall of their expected label but no label's precision.
 *
 * @param labels    per label, sorted; every label that was expected or predicted
 * @param macroF1   the unweighted mean of the labels' F1
 * @param confusion expected label → predicted label → cases; rows and columns sorted, every cell present,
 *                  {@value #ERROR_COLUMN} the last column when any case errored
 * @param errors    cases with no prediction
 */
public record Classification(long cases, double accuracy, double macroF1, List<LabelMetrics> labels,
                             Map<String, Map<String, Long>> confusion, long errors) {

    /** The predicted-label column of cases whose target errored. */
    public static final String ERROR_COLUMN = "(error)";

    public Classification {
        labels = List.copyOf(labels);
    }

    /** The metrics of counts[expected][predicted], predicted possibly {@value #ERROR_COLUMN}. */
    public static Classification of(Map<String, Map<String, Long>> counts) {
        TreeSet<String> labels = new TreeSet<>(counts.keySet());
        long errors = 0;
        for (Map<String, Long> row : counts.values()) {
            labels.addAll(row.keySet());
            errors += row.getOrDefault(ERROR_COLUMN, 0L);
        }
        labels.remove(ERROR_COLUMN);
        Map<String, Map<String, Long>> matrix = denseMatrix(counts, labels, errors > 0);
        long cases = 0;
        long correct = 0;
        List<LabelMetrics> perLabel = new ArrayList<>();
        double f1Sum = 0;
        for (String label : labels) {
            long truePositives = matrix.get(label).get(label);
            long support = sum(matrix.get(label).values());
            long predicted = 0;
            for (Map<String, Long> row : matrix.values()) {
                predicted += row.get(label);
            }
            double precision = ratio(truePositives, predicted);
            double recall = ratio(truePositives, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel.add(new LabelMetrics(label, precision, recall, f1, support));
            f1Sum += f1;
            cases += support;
            correct += truePositives;
        }
        return new Classification(cases, ratio(correct, cases), labels.isEmpty() ? Double.NaN : f1Sum / labels.size(),
                perLabel, matrix, errors);
    }

    private static Map<String, Map<String, Long>> denseMatrix(Map<String, Map<String, Long>> counts,
                                                              TreeSet<String> labels, boolean withErrors) {
        Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
        for (String expected : labels) {
            Map<String, Long> source = counts.getOrDefault(expected, Map.of());
            Map<String, Long> row = new LinkedHashMap<>();
            for (String predicted : labels) {
                row.put(predicted, source.getOrDefault(predicted, 0L));
            }
            if (withErrors) {
                row.put(ERROR_COLUMN, source.getOrDefault(ERROR_COLUMN, 0L));
            }
            matrix.put(expected, Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableMap(matrix);
    }

    private static long sum(Iterable<Long> values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
