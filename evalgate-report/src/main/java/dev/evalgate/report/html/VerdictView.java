package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.Verdict;

/**
 * The gate's verdict as the view shows it: {@code {status, word, failsBuild, lines[], notes[]}}, one line per
 * check with its own verdict, in the words {@code evalgate check} prints.
 */
final class VerdictView {

    private VerdictView() {
    }

    static ObjectNode json(GateReport report) {
        ObjectNode node = ViewJson.object();
        node.put("status", report.verdict().name());
        node.put("word", word(report.verdict()));
        node.put("failsBuild", report.failsBuild());
        ArrayNode lines = node.putArray("lines");
        for (GateCheck check : report.checks()) {
            ObjectNode line = lines.addObject();
            line.put("verdict", check.verdict().name());
            line.put("scope", check.scope());
            line.put("measure", check.measure());
            line.put("text", check.message());
        }
        ArrayNode notes = node.putArray("notes");
        report.notes().forEach(notes::add);
        return node;
    }

    /** The verdict as a person reads it; the same words as the console. */
    static String word(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "PASS";
            case PASS_WITH_WARNING -> "PASS with warning";
            case INCONCLUSIVE -> "INCONCLUSIVE";
            case FAIL -> "FAIL";
        };
    }
}
