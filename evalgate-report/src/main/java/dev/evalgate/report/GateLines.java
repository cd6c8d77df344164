package dev.evalgate.report;

import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * A gate verdict as the lines {@code evalgate check} prints: a heading, one line per check, the notes, the verdict.
 *
 * <p>Front-ends that fail a build (the JUnit extension's {@code AssertionError}, the Maven plugin's failure) print
 * these same lines, so a user sees one text wherever the gate ran.
 */
public final class GateLines {

    private static final int WIDTH = "PASS with warning".length();

    private GateLines() {
    }

    /** The verdict as it reads at the start of a line. */
    public static String word(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "PASS";
            case PASS_WITH_WARNING -> "PASS with warning";
            case INCONCLUSIVE -> "INCONCLUSIVE";
            case FAIL -> "FAIL";
        };
    }

    /** {@code "Gate of suite <suite> on run <runId>[ against <baseRunId>]"}; {@code baseRunId} may be null. */
    public static String heading(String suite, String runId, String baseRunId) {
        return "Gate of suite " + suite + " on run " + runId + (baseRunId == null ? "" : " against " + baseRunId);
    }

    /** The check lines, a blank line and the notes when there are any, a blank line and the verdict. */
    public static List<String> of(GateReport report) {
        List<String> lines = new ArrayList<>();
        for (GateCheck check : report.checks()) {
            String word = word(check.verdict());
            lines.add(word + " ".repeat(WIDTH - word.length() + 2) + check.message());
        }
        if (!report.notes().isEmpty()) {
            lines.add("");
            report.notes().forEach(note -> lines.add("note: " + note));
        }
        lines.add("");
        lines.add("verdict: " + report.verdict() + (report.failsBuild() ? " (fails the build)" : ""));
        return lines;
    }

    /** The heading, a blank line and {@link #of}, joined with newlines: what {@code evalgate check} prints. */
    public static String text(String suite, String runId, String baseRunId, GateReport report) {
        return heading(suite, runId, baseRunId) + "\n\n" + String.join("\n", of(report));
    }

    /** The verdict as Markdown for a job summary: the verdict first, then one row per check, then the notes. */
    public static String markdown(String suite, String runId, String baseRunId, GateReport report) {
        StringBuilder md = new StringBuilder();
        md.append("### evalgate gate: **").append(report.verdict()).append("**")
                .append(report.failsBuild() ? " (fails the build)" : "").append(" — suite ")
                .append(MarkdownText.cell(suite, 80)).append(", run ").append(MarkdownText.cell(runId, 80))
                .append(baseRunId == null ? "" : " against " + MarkdownText.cell(baseRunId, 80)).append("\n\n");
        md.append("| verdict | check |\n|---|---|\n");
        for (GateCheck check : report.checks()) {
            md.append("| ").append(word(check.verdict())).append(" | ").append(MarkdownText.cell(check.message(), 300))
                    .append(" |\n");
        }
        if (!report.notes().isEmpty()) {
            md.append('\n');
            report.notes().forEach(note -> md.append("- ").append(MarkdownText.cell(note, 300)).append('\n'));
        }
        return md.toString();
    }
}
