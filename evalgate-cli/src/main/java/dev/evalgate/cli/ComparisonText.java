package dev.evalgate.cli;

import dev.evalgate.report.TextTable;

import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.Flip;
import dev.evalgate.compare.SliceComparison;
import dev.evalgate.compare.TargetComparison;
import dev.evalgate.stats.BootstrapInterval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A comparison as console text: warnings first, then per target the paired statistics, slices and flipped cases. */
final class ComparisonText {

    /** Flipped cases listed per direction and target; the JSON has all of them. */
    static final int FLIPS_SHOWN = 20;
    private static final int CELL = 50;
    /** The title of the slice section, shared with the Markdown report. */
    static final String SLICES_TITLE = String.format(Locale.ROOT,
            "Slices (report only, Benjamini–Hochberg q = %.2f)", SliceComparison.FDR);

    private ComparisonText() {
    }

    /** What makes the comparison less than fair, one sentence each. */
    static List<String> warnings(Comparison c) {
        List<String> warnings = new ArrayList<>();
        if (!c.sameDataset()) {
            warnings.add("the datasets differ (hash changed): cases with the same id may not be the same case");
        }
        if (!c.sameScorers()) {
            warnings.add("the scorers differ: the two runs judged outputs differently");
        }
        if (!c.changedTargets().isEmpty()) {
            warnings.add("target settings changed: " + String.join(", ", c.changedTargets()));
        }
        if (!c.missingTargets().isEmpty()) {
            warnings.add("targets in only one run, not compared: " + String.join(", ", c.missingTargets()));
        }
        return warnings;
    }

    static String bootstrap(Comparison c) {
        return String.format(Locale.ROOT, "B = %,d, seed %d", c.resamples(), c.seed());
    }

    static void print(Comparison c, PrintWriter out) {
        out.println("Compare " + c.baseRunId() + " (base) -> " + c.headRunId() + " (head), paired by case id");
        for (String warning : warnings(c)) {
            out.println("warning: " + warning);
        }
        for (TargetComparison t : c.targets()) {
            out.println();
            out.println("Target " + t.target() + ": " + t.paired() + " paired cases");
            out.println("  " + disagreement(t));
            TextTable table = new TextTable("measure", "base -> head", "change", "95% CI", "test");
            table.row("pass rate", Figures.percent(t.basePassRate()) + " -> " + Figures.percent(t.headPassRate()),
                    Figures.points(t.difference().difference()),
                    Figures.percentInterval(t.difference().interval()) + " pp (Newcombe)",
                    "McNemar exact p " + Figures.p(t.mcnemar().exactTwoSided()) + ", mid-p "
                            + Figures.p(t.mcnemar().midPTwoSided()));
            BootstrapInterval ratio = t.p95Ratio();
            table.row("p95 latency", Figures.millis(t.baseP95()) + " -> " + Figures.millis(t.headP95()),
                    ratio == null ? "-" : "x" + Figures.ratio(ratio.point()),
                    ratio == null ? "-" : Figures.ratioInterval(ratio.interval()),
                    ratio == null ? "fewer than 2 cases with live latency in both" : "paired bootstrap, " + bootstrap(c));
            if (t.ttft() != null) {
                BootstrapInterval ttft = t.ttft().p95Ratio();
                table.row("ttft p95", Figures.millis(t.ttft().baseP95()) + " -> " + Figures.millis(t.ttft().headP95()),
                        ttft == null ? "-" : "x" + Figures.ratio(ttft.point()),
                        ttft == null ? "-" : Figures.ratioInterval(ttft.interval()),
                        ttft == null ? "fewer than 2 cases streamed in both" : "paired bootstrap, " + bootstrap(c));
            }
            table.row("cost", "", t.costRatio() == null ? "unknown" : "x" + Figures.ratio(t.costRatio()), "", "");
            table.row("error rate", Figures.percent(t.baseErrorRate()) + " -> " + Figures.percent(t.headErrorRate()),
                    Figures.points(t.headErrorRate() - t.baseErrorRate()), "", "");
            table.print(out, "  ");
            slices(t.slices(), out);
            flips("Regressed (passed in base, not in head)", t.regressed(), out);
            flips("Fixed (passed in head, not in base)", t.fixed(), out);
            if (!t.newCases().isEmpty() || !t.removedCases().isEmpty()) {
                out.println("  " + t.newCases().size() + " new cases (only in head), " + t.removedCases().size()
                        + " removed cases (only in base): not paired");
            }
        }
    }

    /** The share of paired cases the runs disagree on: what {@code evalgate plan --discordance} asks for. */
    static String disagreement(TargetComparison t) {
        long discordant = t.regressedCount() + t.fixedCount();
        double share = t.paired() == 0 ? 0 : (double) discordant / t.paired();
        return String.format(Locale.ROOT, "disagreement: %.1f%% of paired cases (%d regressed + %d fixed);"
                + " plan a suite for it with evalgate plan --discordance %.3f", share * 100, t.regressedCount(),
                t.fixedCount(), share);
    }

    private static void slices(List<SliceComparison> slices, PrintWriter out) {
        if (slices.isEmpty()) {
            return;
        }
        out.println();
        out.println("  " + SLICES_TITLE + ":");
        TextTable table = new TextTable("slice", "n", "base -> head", "change", "mid-p", "BH p", "");
        for (SliceComparison s : slices) {
            table.row(Figures.line(s.key() + "=" + s.value(), CELL), Integer.toString(s.paired()),
                    Figures.percent(s.baseRate()) + " -> " + Figures.percent(s.headRate()),
                    Figures.points(s.difference()), Figures.p(s.midPTwoSided()), Figures.p(s.adjustedP()),
                    s.flagged() ? "<- suspicious" : "");
        }
        table.print(out, "    ");
    }

    private static void flips(String title, List<Flip> flips, PrintWriter out) {
        out.println();
        out.println("  " + title + ": " + flips.size());
        if (flips.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("case", "expected", "base -> head");
        for (Flip f : flips.subList(0, Math.min(FLIPS_SHOWN, flips.size()))) {
            table.row(f.caseId(), Figures.quoted(f.expected(), CELL),
                    Figures.quoted(f.baseOutput(), CELL) + " -> " + Figures.quoted(f.headOutput(), CELL));
        }
        table.print(out, "    ");
        if (flips.size() > FLIPS_SHOWN) {
            out.println("    ... and " + (flips.size() - FLIPS_SHOWN) + " more (--json lists all)");
        }
    }
}
