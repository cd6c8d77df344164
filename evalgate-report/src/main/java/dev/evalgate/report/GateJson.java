package dev.evalgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gate verdict as a small, stable JSON document, the same from every front-end (CLI, Maven plugin, JUnit).
 *
 * <p>The shape is {@code {suite, runId, baseRunId, status, failsBuild, checks: [{name, status, line}], notes}}:
 * {@code status} is the verdict's enum name ({@code PASS}, {@code PASS_WITH_WARNING}, {@code INCONCLUSIVE},
 * {@code FAIL}), a check's {@code name} is its scope and measure ({@code "support/mini pass rate"}) and its
 * {@code line} is the gate's own message, word for word. Keys keep this order so two verdicts diff cleanly; a
 * front-end comparing verdicts compares {@code status} and each check's {@code (name, status)}.
 */
public final class GateJson {

    private GateJson() {
    }

    /** The verdict as pretty-printed JSON ending in a newline; {@code baseRunId} is null without a baseline. */
    public static String of(String suite, String runId, String baseRunId, GateReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("suite", suite);
        root.put("runId", runId);
        root.put("baseRunId", baseRunId);
        root.put("status", report.verdict().name());
        root.put("failsBuild", report.failsBuild());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (GateCheck check : report.checks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name(check));
            row.put("status", check.verdict().name());
            row.put("line", check.message());
            checks.add(row);
        }
        root.put("checks", checks);
        root.put("notes", report.notes());
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a gate verdict of strings and booleans always serialises", e);
        }
    }

    /** The identity of a check across runs and front-ends: where it applies and what it measures. */
    public static String name(GateCheck check) {
        return check.scope() + " " + check.measure();
    }
}
