package dev.evalgate.cli;

import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.Flip;
import dev.evalgate.compare.SliceComparison;
import dev.evalgate.compare.TargetComparison;

import java.util.ArrayList;
import java.util.List;

/**
 * A comparison as GitHub-flavoured Markdown for a pull-request comment: one row per target, then the flipped
 * cases of each target folded in a {@code <details>} block. All user text goes through {@link Markdown#cell}.
 */
final class ComparisonMarkdown {

    private static final int CELL = 80;

    private ComparisonMarkdown() {
    }

    /** The whole comparison, ending with a newline. */
    static String of(Comparison c) {
        List<String> lines = new ArrayList<>();
        lines.add("### evalgate compare: " + Markdown.cell(c.baseRunId(), CELL) + " → "
                + Markdown.cell(c.headRunId(), CELL));
        lines.add("");
        for (String warning : ComparisonText.warnings(c)) {
            lines.add("> **Warning:** " + Markdown.cell(warning, 300));
        }
        if (!ComparisonText.warnings(c).isEmpty()) {
            lines.add("");
        }
        lines.add("| target | paired | pass rate | Δ [95% CI] | McNemar p (exact / mid-p) | p95 | p95 ratio [95% CI]"
                + " | cost ratio | error rate |");
        lines.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (TargetComparison t : c.targets()) {
            lines.add(Markdown.row(Markdown.cell(t.target(), CELL), Integer.toString(t.paired()),
                    Figures.percent(t.basePassRate()) + " → " + Figures.percent(t.headPassRate()),
                    Figures.points(t.difference().difference()) + " "
                            + Figures.percentInterval(t.difference().interval()),
                    Figures.p(t.mcnemar().exactTwoSided()) + " / " + Figures.p(t.mcnemar().midPTwoSided()),
                    Figures.millis(t.baseP95()) + " → " + Figures.millis(t.headP95()),
                    t.p95Ratio() == null ? "-" : Figures.ratio(t.p95Ratio().point()) + " "
                            + Figures.ratioInterval(t.p95Ratio().interval()),
                    t.costRatio() == null ? "unknown" : Figures.ratio(t.costRatio()),
                    Figures.percent(t.baseErrorRate()) + " → " + Figures.percent(t.headErrorRate())));
        }
        lines.add("");
        for (TargetComparison t : c.targets()) {
            if (t.ttft() != null) {
                // streamed targets only, so comparisons of runs that did not stream keep their table
                lines.add("Time to first token, " + Markdown.cell(t.target(), CELL) + ": p95 "
                        + Figures.millis(t.ttft().baseP95()) + " → " + Figures.millis(t.ttft().headP95())
                        + (t.ttft().p95Ratio() == null ? "" : ", ratio " + Figures.ratio(t.ttft().p95Ratio().point())
                        + " " + Figures.ratioInterval(t.ttft().p95Ratio().interval())) + ".");
                lines.add("");
            }
        }
        lines.add("Paired by case id; Δ interval: Newcombe (paired); p95 ratio: paired bootstrap, "
                + ComparisonText.bootstrap(c) + ".");
        for (TargetComparison t : c.targets()) {
            slices(t, lines);
            flips(t, lines);
        }
        return String.join("\n", lines) + "\n";
    }

    /** The report-only slice rows of one target, flagged ones marked in bold. */
    static void slices(TargetComparison t, List<String> lines) {
        if (t.slices().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("**" + Markdown.cell(t.target(), CELL) + "** — " + ComparisonText.SLICES_TITLE + ":");
        lines.add("");
        lines.add("| slice | n | pass rate | Δ | mid-p | BH p | |");
        lines.add("|---|--:|--:|--:|--:|--:|---|");
        for (SliceComparison s : t.slices()) {
            lines.add(Markdown.row(Markdown.cell(s.key() + "=" + s.value(), CELL), Integer.toString(s.paired()),
                    Figures.percent(s.baseRate()) + " → " + Figures.percent(s.headRate()),
                    Figures.points(s.difference()), Figures.p(s.midPTwoSided()), Figures.p(s.adjustedP()),
                    s.flagged() ? "**suspicious**" : ""));
        }
    }

    /** The regressed and fixed cases of one target, the first {@value ComparisonText#FLIPS_SHOWN} of each. */
    static void flips(TargetComparison t, List<String> lines) {
        if (t.regressed().isEmpty() && t.fixed().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("<details><summary>" + Markdown.cell(t.target(), CELL) + ": " + t.regressed().size()
                + " regressed, " + t.fixed().size() + " fixed</summary>");
        lines.add("");
        lines.add("| | case | expected | base | head |");
        lines.add("|---|---|---|---|---|");
        table("regressed", t.regressed(), lines);
        table("fixed", t.fixed(), lines);
        lines.add("");
        lines.add("</details>");
    }

    private static void table(String kind, List<Flip> flips, List<String> lines) {
        for (Flip f : flips.subList(0, Math.min(ComparisonText.FLIPS_SHOWN, flips.size()))) {
            lines.add(Markdown.row(kind, Markdown.cell(f.caseId(), CELL), Markdown.cell(f.expected(), CELL),
                    Markdown.cell(f.baseOutput(), CELL), Markdown.cell(f.headOutput(), CELL)));
        }
        if (flips.size() > ComparisonText.FLIPS_SHOWN) {
            lines.add(Markdown.row(kind, "… and " + (flips.size() - ComparisonText.FLIPS_SHOWN) + " more", "", "",
                    ""));
        }
    }
}
