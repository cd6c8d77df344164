package dev.evalgate.cli;

import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.Verdict;

import java.io.PrintWriter;

/** A gate report as console text: one line per check, then the notes, then the verdict. */
final class GateText {

    private GateText() {
    }

    /** The verdict as it reads at the start of a line. */
    static String word(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "PASS";
            case PASS_WITH_WARNING -> "PASS with warning";
            case INCONCLUSIVE -> "INCONCLUSIVE";
            case FAIL -> "FAIL";
        };
    }

    static void print(GateReport report, PrintWriter out) {
        int width = "PASS with warning".length();
        for (GateCheck check : report.checks()) {
            String word = word(check.verdict());
            out.println(word + " ".repeat(width - word.length() + 2) + check.message());
        }
        if (!report.notes().isEmpty()) {
            out.println();
            report.notes().forEach(note -> out.println("note: " + note));
        }
        out.println();
        out.println("verdict: " + report.verdict() + (report.failsBuild() ? " (fails the build)" : ""));
    }
}
