package dev.evalgate.cli;

import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.calibration.JudgedRate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The judged pass rates of a comparison, per target and judge scorer: the corrected change beside the raw judged
 * one when both runs were judged by one calibrated judge, else the raw change and why it is not corrected.
 */
final class JudgedChangeLines {

    static final String TITLE = "Judged pass rates (model judge): the raw judged change shrinks every real change by"
            + " the judge's J; the corrected change divides it out, with the calibration's uncertainty";

    private JudgedChangeLines() {
    }

    /** Target → scorer → line, in the order of the runs. */
    private static List<String> lines(Map<String, Map<String, JudgedChange>> changes) {
        List<String> lines = new ArrayList<>();
        changes.forEach((target, byScorer) -> byScorer.forEach((scorer, change) ->
                lines.add(target + " " + JudgedRate.title(scorer) + ": " + change.describe())));
        return lines;
    }

    static void print(Map<String, Map<String, JudgedChange>> changes, PrintWriter out) {
        if (changes.isEmpty()) {
            return;
        }
        out.println();
        out.println(TITLE);
        lines(changes).forEach(line -> out.println("  " + line));
    }

    /** The Markdown section, or "" without judged targets. */
    static String markdown(Map<String, Map<String, JudgedChange>> changes) {
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n").append(TITLE).append(".\n\n");
        lines(changes).forEach(line -> md.append("- ").append(Markdown.cell(line, 600)).append('\n'));
        return md.toString();
    }
}
