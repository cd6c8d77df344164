package dev.evalgate.report;

import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.metric.GradingMetrics;
import dev.evalgate.metric.TargetMetrics;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The grading section of the text summary: per target what the model judges decided (the judged pass rate, raw)
 * and what grading spent, apart from the candidates' own figures.
 */
final class GradingLines {

    private GradingLines() {
    }

    private static void row(TextTable table, String name, GradingMetrics g) {
        long verdicts = g.judgments() - g.judgeErrors();
        table.row(name, Format.percent(g.judgedPassRate()) + " (" + g.judgedPasses() + "/" + verdicts + ")",
                Format.interval(g.judgedPassInterval()),
                g.judgeErrors() == 0 ? "0" : g.judgeErrors() + " (" + Format.percent(g.judgeErrorRate()) + ")",
                Double.isNaN(g.flipRate()) ? "-" : Format.percent(g.flipRate()) + " of " + g.multiVoteJudgments(),
                g.calls() + (g.cachedVotes() > 0 ? " (+" + g.cachedVotes() + " cached)" : ""),
                g.cost().totalUsd() == null ? "unknown" : Format.usd(g.cost().totalUsd()),
                Format.millis(g.meanCallLatencyMs()));
    }

    static void print(List<TargetMetrics> metrics, PrintWriter out) {
        if (metrics.stream().allMatch(m -> m.grading() == null)) {
            return;
        }
        out.println("Grading by model judge (grading spend: not part of the candidates' cost or latency)");
        TextTable table = new TextTable("target", "judged pass rate", "95% CI", "judge errors", "flip rate",
                "judge calls", "grading cost", "judge latency/call");
        long errors = 0;
        for (TargetMetrics m : metrics) {
            GradingMetrics g = m.grading();
            if (g == null) {
                continue;
            }
            errors += g.judgeErrors();
            if (g.scorers().size() > 1) {
                // several judges: one row each, since a pooled rate mixes judges with different errors
                g.scorers().forEach((scorer, own) -> row(table, m.targetId() + " / " + scorer, own));
            } else {
                row(table, m.targetId(), g);
            }
        }
        table.print(out);
        out.println("  note: the judged pass rate is the judge's raw verdict share; its interval covers the sampling "
                + "of cases, not the judge's own errors");
        for (TargetMetrics m : metrics) {
            if (m.grading() == null) {
                continue;
            }
            if (m.grading().scorers().isEmpty() && m.grading().judged() != null) {
                out.println("  " + m.targetId() + " judged pass rate " + m.grading().judged().describe());
            }
            m.grading().scorers().forEach((scorer, g) -> {
                if (g.judged() != null) {
                    out.println("  " + m.targetId() + " " + JudgedRate.title(scorer) + " " + g.judged().describe());
                }
            });
        }
        if (errors > 0) {
            out.printf(Locale.ROOT, "  note: %d judge error%s (no verdict: the judge's call failed or its reply was "
                    + "not a verdict) are left out of the judged pass rate; they count as errored cases, not passed, "
                    + "in the pass rate above%n", errors, errors == 1 ? "" : "s");
        }
        out.println();
    }
}
