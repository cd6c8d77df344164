package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.report.GateLines;

/**
 * The gate's verdict as the view shows it: {@code {status, word, headline, failsBuild, lines[], notes[]}}, one line
 * per check with its own verdict, in the words {@code evalgate check} prints.
 */
final class VerdictView {

    private VerdictView() {
    }

    static ObjectNode json(GateReport report) {
        ObjectNode node = ViewJson.object();
        node.put("status", report.verdict().name());
        node.put("word", GateLines.word(report.verdict()));
        node.put("headline", headline(report));
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

    /**
     * What the verdict means for the build, in one sentence next to the verdict's word. It says whether the run
     * ships first, so an INCONCLUSIVE that does not block (the gate's {@code inconclusive: warn}) does not read as
     * a contradiction of the word beside it.
     */
    static String headline(GateReport report) {
        long n = report.checks().stream().filter(c -> c.verdict() == report.verdict()).count();
        return switch (report.verdict()) {
            case PASS -> report.checks().isEmpty() ? "The gate lets this run ship; it has no checks."
                    : "The gate lets this run ship.";
            case PASS_WITH_WARNING -> "Ships, with a warning: " + checks(n) + " significantly worse than the base"
                    + " run, within the margin.";
            case INCONCLUSIVE -> (report.failsBuild() ? "The gate fails the build: " : "Ships, with undecided checks: ")
                    + checks(n) + " could not be decided on these cases"
                    + (report.failsBuild() ? " (the gate says inconclusive: fail)." : ".");
            case FAIL -> "The gate fails the build: " + checks(n) + " failed.";
        };
    }

    private static String checks(long n) {
        return n + (n == 1 ? " check" : " checks");
    }
}
