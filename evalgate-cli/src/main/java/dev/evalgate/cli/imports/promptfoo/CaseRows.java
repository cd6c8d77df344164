package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset made from the tests: one case per test and combination of list variables, with its checks under
 * {@code asserts}; the model-graded assertions gathered for the judges and the cost and latency limits for the gate.
 */
final class CaseRows {

    private final List<Map<String, Object>> fields = new ArrayList<>();
    private final JudgeSlots judges = new JudgeSlots();
    private final Map<String, List<Double>> limits = new LinkedHashMap<>();
    private boolean anyChecks;

    private CaseRows() {
    }

    static CaseRows of(List<PfTest> tests, AssertMapper mapper) {
        CaseRows rows = new CaseRows();
        int t = 0;
        for (PfTest test : tests) {
            t++;
            List<Map<String, Object>> expanded = VarExpansion.of(test.vars());
            for (int v = 0; v < expanded.size(); v++) {
                rows.add(test, expanded.get(v), expanded.size() == 1 ? "t" + t : "t" + t + "-" + (v + 1), mapper);
            }
        }
        return rows;
    }

    private void add(PfTest test, Map<String, Object> vars, String id, AssertMapper mapper) {
        List<Map<String, Object>> checks = new ArrayList<>();
        List<Mapped.Judged> judged = new ArrayList<>();
        for (ConfigNode node : test.asserts()) {
            switch (mapper.map(node, vars)) {
                case Mapped.Check c -> checks.add(c.item());
                case Mapped.Judged j -> judged.add(j);
                case Mapped.Budget b -> limits.computeIfAbsent(b.measure(), k -> new ArrayList<>()).add(b.limit());
                case Mapped.Left l -> { }
            }
        }
        judges.add(judged);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("vars", vars);
        if (!checks.isEmpty()) {
            row.put("asserts", checks);
            anyChecks = true;
        }
        if (test.threshold() != null) {
            row.put("asserts_threshold", test.threshold());
        }
        Map<String, Object> metadata = new LinkedHashMap<>(test.metadata());
        if (test.description() != null) {
            metadata.put("description", test.description());
        }
        if (!metadata.isEmpty()) {
            row.put("metadata", metadata);
        }
        fields.add(row);
    }

    JudgeSlots judges() {
        return judges;
    }

    /** Each case's fields, in order; the judges add theirs before {@link #lines()} is read. */
    List<Map<String, Object>> fields() {
        return fields;
    }

    List<Map<String, Object>> cases() {
        return fields;
    }

    boolean anyChecks() {
        return anyChecks;
    }

    List<String> lines() {
        return fields.stream().map(MiniJson::write).toList();
    }

    /**
     * The gate's absolute budgets: promptfoo checks cost and latency per test, evalgate gates them over the run,
     * so the strictest limit any test set is the budget, and a note says so.
     */
    Map<String, Object> budgets(Findings findings, String file) {
        Map<String, Object> out = new LinkedHashMap<>();
        limits.forEach((measure, values) -> {
            double strictest = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            out.put(measure, "<= " + (strictest == Math.rint(strictest) ? Long.toString((long) strictest)
                    : Double.toString(strictest)));
            findings.note(new ConfigNode.Scalar(file, 0, measure, null, false), (measure.startsWith("cost")
                    ? "cost" : "latency") + " assertions became the gate budget " + measure + " <= " + strictest
                    + " over the whole run (evalgate check), not a per-test verdict"
                    + (values.size() < fields.size() ? "; they were on " + values.size() + " of " + fields.size()
                    + " cases" : ""));
        });
        return out;
    }
}
