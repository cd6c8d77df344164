package dev.evalgate.cli;

import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.TargetComparison;
import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.report.GateLines;

import java.util.ArrayList;
import java.util.List;

/**
 * A gate report as Markdown for a PR comment or the job summary: the verdict first, then one row per check, the
 * notes, and the top regressions when there was a baseline.
 */
final class GateMarkdown {

    private static final int CELL = 300;

    private GateMarkdown() {
    }

    static String of(String headRunId, GateReport report, Comparison comparison) {
        List<String> lines = new ArrayList<>();
        lines.add("### evalgate gate: **" + report.verdict() + "**" + (report.failsBuild() ? " (fails the build)" : "")
                + " — run " + Markdown.cell(headRunId, 80)
                + (comparison == null ? "" : " against " + Markdown.cell(comparison.baseRunId(), 80)));
        lines.add("");
        lines.add("| verdict | check |");
        lines.add("|---|---|");
        for (GateCheck check : report.checks()) {
            lines.add(Markdown.row(GateLines.word(check.verdict()), Markdown.cell(check.message(), CELL)));
        }
        if (!report.notes().isEmpty()) {
            lines.add("");
            report.notes().forEach(note -> lines.add("- " + Markdown.cell(note, CELL)));
        }
        if (comparison != null) {
            for (TargetComparison t : comparison.targets()) {
                ComparisonMarkdown.flips(t, lines);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
