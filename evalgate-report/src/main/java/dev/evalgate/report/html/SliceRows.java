package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.stats.Proportion;

import java.util.Set;
import java.util.TreeSet;

/**
 * Pass rate per slice value and candidate (e.g. {@code channel=email}), each with its Wilson interval, for the
 * tag keys the suite slices by. Cases without the tag count under {@value #NONE}.
 */
final class SliceRows {

    static final String NONE = "(none)";

    private SliceRows() {
    }

    static ArrayNode json(RunRecord run) {
        ArrayNode rows = ViewJson.array();
        for (String key : run.slices()) {
            Set<String> values = new TreeSet<>();
            run.targets().forEach(t -> t.cases().forEach(c -> values.add(value(c, key))));
            for (String value : values) {
                ObjectNode row = rows.addObject();
                row.put("key", key);
                row.put("value", value);
                ArrayNode targets = row.putArray("targets");
                for (TargetRecord t : run.targets()) {
                    targets.add(cell(t, key, value));
                }
            }
        }
        return rows;
    }

    private static ObjectNode cell(TargetRecord target, String key, String value) {
        long n = 0;
        long passed = 0;
        for (CaseRecord c : target.cases()) {
            if (value(c, key).equals(value)) {
                n++;
                passed += c.passed() ? 1 : 0;
            }
        }
        ObjectNode cell = ViewJson.object();
        cell.put("id", target.target());
        cell.put("n", n);
        cell.put("passed", passed);
        ViewJson.number(cell, "passRate", n == 0 ? Double.NaN : (double) passed / n);
        return ViewJson.interval(cell, "pass", Proportion.wilson(passed, n, TargetRows.CONFIDENCE));
    }

    private static String value(CaseRecord c, String key) {
        String value = c.tags().get(key);
        return value == null || value.isEmpty() ? NONE : value;
    }
}
