package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Expected label against output label, per candidate, for suites that classify. Outputs outside the expected
 * labels share one column {@value #OTHER} and errored calls another, {@value #ERROR}, so the matrix stays square
 * plus at most two columns whatever the models say.
 */
final class ConfusionMatrix {

    static final String OTHER = "(other)";
    static final String ERROR = "(error)";
    /** More distinct expected values than this is free text, not labels, unless the label scorer says otherwise. */
    static final int MAX_LABELS = 30;
    /** Past this even a labelled suite's matrix is too large to read (Banking77's 77 intents still fit). */
    static final int MAX_SCORED_LABELS = 100;
    static final int MAX_LABEL_LENGTH = 40;
    private static final Pattern LABEL_SCORER = Pattern.compile("^label\\b.*", Pattern.DOTALL);

    private ConfusionMatrix() {
    }

    /**
     * True when the run classifies: it is scored by the {@code label} scorer (at most {@value #MAX_SCORED_LABELS}
     * labels), or its expected answers are a small set of short one-line values that repeat (at most
     * {@value #MAX_LABELS}, each used twice on average).
     */
    static boolean classification(RunRecord run) {
        Map<String, String> labels = labels(run);
        if (labels.size() < 2) {
            return false;
        }
        if (run.scorers().stream().anyMatch(s -> LABEL_SCORER.matcher(s).matches())) {
            return labels.size() <= MAX_SCORED_LABELS;
        }
        if (labels.size() > MAX_LABELS) {
            return false;
        }
        long cases = run.targets().stream().mapToLong(t -> t.cases().size()).max().orElse(0);
        return labels.size() * 2L <= cases && labels.values().stream()
                .allMatch(l -> l.length() <= MAX_LABEL_LENGTH && l.indexOf('\n') < 0);
    }

    /** The matrix per target, or null when the run does not classify. */
    static ArrayNode json(RunRecord run) {
        if (!classification(run)) {
            return null;
        }
        Map<String, String> labels = labels(run);
        ArrayNode matrices = ViewJson.array();
        for (TargetRecord t : run.targets()) {
            matrices.add(matrix(t, labels));
        }
        return matrices;
    }

    private static ObjectNode matrix(TargetRecord target, Map<String, String> labels) {
        List<String> keys = new ArrayList<>(labels.keySet());
        Map<String, Integer> column = new LinkedHashMap<>();
        keys.forEach(k -> column.put(k, column.size()));
        long[][] counts = new long[keys.size()][keys.size() + 2];
        for (CaseRecord c : target.cases()) {
            Integer row = column.get(key(c.expected()));
            if (row == null) {
                continue; // a case without an expected label has no row to count in
            }
            int col = c.errored() ? keys.size() + 1 : column.getOrDefault(key(c.output()), keys.size());
            counts[row][col]++;
        }
        boolean other = columnUsed(counts, keys.size());
        boolean error = columnUsed(counts, keys.size() + 1);
        ObjectNode node = ViewJson.object();
        node.put("target", target.target());
        ArrayNode rowLabels = node.putArray("labels");
        ArrayNode columns = node.putArray("columns");
        keys.forEach(k -> {
            rowLabels.add(labels.get(k));
            columns.add(labels.get(k));
        });
        if (other) {
            columns.add(OTHER);
        }
        if (error) {
            columns.add(ERROR);
        }
        ArrayNode rows = node.putArray("counts");
        for (long[] line : counts) {
            ArrayNode r = rows.addArray();
            for (int j = 0; j < keys.size(); j++) {
                r.add(line[j]);
            }
            if (other) {
                r.add(line[keys.size()]);
            }
            if (error) {
                r.add(line[keys.size() + 1]);
            }
        }
        return node;
    }

    private static boolean columnUsed(long[][] counts, int col) {
        for (long[] row : counts) {
            if (row[col] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Normalised label → the label as the dataset first spells it, sorted by the normalised form. */
    private static Map<String, String> labels(RunRecord run) {
        Map<String, String> labels = new TreeMap<>();
        for (TargetRecord t : run.targets()) {
            for (CaseRecord c : t.cases()) {
                if (c.expected() != null && !c.expected().isBlank()) {
                    labels.putIfAbsent(key(c.expected()), c.expected().strip());
                }
            }
        }
        return labels;
    }

    /** Labels compare as the label scorer compares them: trimmed, lower case. */
    static String key(String label) {
        return label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    }
}
