package dev.evalgate.report;

import dev.evalgate.gate.ShipDecision;
import dev.evalgate.metric.Classification;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The run summary as GitHub-flavoured Markdown, for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: one
 * table row per target, then the first failures of each target folded in a {@code <details>} block.
 *
 * <p>Every piece of user text (suite, target and case ids, expectations, outputs, reasons) goes through
 * {@link MarkdownText}, so nothing from a model can render as HTML or break the table.
 */
public final class MarkdownReport {

    /** Failures listed per target; the results file has all of them. */
    public static final int FAILURES_SHOWN = ConsoleSummary.FAILURES_SHOWN;
    private static final int CELL = 80;
    /** Decision lines carry gate messages with scopes and limits: longer than a cell, still bounded. */
    private static final int LONG = 600;

    private MarkdownReport() {
    }

    /** The whole report, ending with a newline. */
    public static String of(RunResult result) {
        return of(result, null);
    }

    /** The whole report with a "Ship decision" section after the table; {@code decision} may be null for none. */
    public static String of(RunResult result, ShipDecision decision) {
        List<String> lines = new ArrayList<>();
        long cases = result.metrics().isEmpty() ? 0 : result.metrics().getFirst().cases();
        int targets = result.metrics().size();
        lines.add("### evalgate: " + MarkdownText.cell(result.info().suite(), CELL) + " — " + cases + " cases × "
                + targets + " target" + (targets == 1 ? "" : "s") + " in " + Format.duration(result.elapsed())
                + (result.complete() ? "" : " — **INCOMPLETE** (stopped before the end)"));
        lines.add("");
        lines.add("| target | pass rate | 95% CI | p50 | p95 | cost/request | errors |");
        lines.add("|---|--:|--:|--:|--:|--:|--:|");
        for (TargetMetrics m : result.metrics()) {
            lines.add("| " + String.join(" | ", MarkdownText.cell(m.targetId(), CELL),
                    Format.percent(m.passRate()) + " (" + m.passed() + "/" + m.cases() + ")",
                    Format.interval(m.passRateInterval()), Format.millis(m.latency().p50()),
                    Format.millis(m.latency().p95()), cost(m), Long.toString(m.errored())) + " |");
        }
        decision(decision, lines);
        classification(result, lines);
        for (TargetMetrics m : result.metrics()) {
            failures(m, result.failures().getOrDefault(m.targetId(), List.of()), lines);
        }
        return String.join("\n", lines) + "\n";
    }

    private static void decision(ShipDecision decision, List<String> lines) {
        if (decision == null || decision.candidates().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("**Ship decision** (" + ShipDecisionText.AXES + ")");
        lines.add("");
        for (ShipDecision.Candidate c : decision.candidates()) {
            lines.add("- " + MarkdownText.cell(c.targetId(), CELL) + ": "
                    + MarkdownText.cell(ShipDecisionText.standing(c), LONG) + "; "
                    + MarkdownText.cell(ShipDecisionText.budgets(decision, c), LONG));
        }
        decision.notes().forEach(n -> lines.add("- note: " + MarkdownText.cell(n, LONG)));
        lines.add("");
        lines.add("**" + MarkdownText.cell(ShipDecisionText.verdict(decision), LONG) + "**");
    }

    private static void classification(RunResult result, List<String> lines) {
        List<String> parts = new ArrayList<>();
        for (TargetMetrics m : result.metrics()) {
            Classification c = m.classification();
            if (c != null) {
                parts.add(MarkdownText.cell(m.targetId(), CELL) + " accuracy " + Format.percent(c.accuracy())
                        + ", macro-F1 " + Format.ratio(c.macroF1()));
            }
        }
        if (!parts.isEmpty()) {
            lines.add("");
            lines.add("Classification: " + String.join("; ", parts));
        }
    }

    private static void failures(TargetMetrics m, List<CaseResult> failures, List<String> lines) {
        if (failures.isEmpty()) {
            return;
        }
        List<CaseResult> shown = failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()));
        lines.add("");
        lines.add("<details><summary>" + MarkdownText.cell(m.targetId(), CELL) + ": " + m.failed() + " failed, "
                + m.errored() + " errored (first " + shown.size() + ")</summary>");
        lines.add("");
        lines.add("| case | expected | got | why |");
        lines.add("|---|---|---|---|");
        for (CaseResult r : shown) {
            lines.add("| " + String.join(" | ", MarkdownText.cell(r.kase().id(), CELL),
                    MarkdownText.cell(r.kase().expected().primary(), CELL), MarkdownText.cell(got(r), CELL),
                    MarkdownText.cell(why(r), CELL)) + " |");
        }
        lines.add("");
        lines.add("</details>");
    }

    private static String got(CaseResult r) {
        Sample s = firstNotPassed(r);
        return s.output() == null ? "(no output)" : s.output();
    }

    private static Sample firstNotPassed(CaseResult r) {
        return r.samples().stream().filter(x -> x.outcome() != Outcome.PASS).findFirst().orElse(r.first());
    }

    /** The first reason the case did not pass: the call's error, else the first scorer that did not pass. */
    private static String why(CaseResult r) {
        Sample s = firstNotPassed(r);
        if (s.error() != null) {
            return "ERROR " + s.error().kind() + ": " + s.error().message();
        }
        return s.scores().stream().filter(x -> x.outcome() != Outcome.PASS).findFirst()
                .map(x -> x.scorer() + ": " + x.reason())
                .orElse("failed " + r.samples().stream().filter(x -> x.outcome() != Outcome.PASS).count() + " of "
                        + r.samples().size() + " repeats");
    }

    private static String cost(TargetMetrics m) {
        if (m.cost().perRequestUsd() == null) {
            return m.cost().totalUsd() == null ? "unknown" : "-";
        }
        return Format.usd(m.cost().perRequestUsd());
    }
}
