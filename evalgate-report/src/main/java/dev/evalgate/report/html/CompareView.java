package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.Flip;
import dev.evalgate.compare.SliceComparison;
import dev.evalgate.compare.TargetComparison;
import dev.evalgate.stats.BootstrapInterval;

import java.util.List;

/**
 * A {@link Comparison} as the view shows it: what makes it less than fair, per target the paired statistics
 * (Newcombe interval, McNemar p, p95 ratio, cost ratio), the suspicious slices and every flipped case.
 */
final class CompareView {

    private CompareView() {
    }

    static ObjectNode json(Comparison c) {
        ObjectNode node = ViewJson.object();
        node.put("baseRunId", c.baseRunId());
        node.put("headRunId", c.headRunId());
        node.put("resamples", c.resamples());
        node.put("seed", c.seed());
        ArrayNode warnings = node.putArray("warnings");
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
        ArrayNode targets = node.putArray("targets");
        ArrayNode flips = node.putArray("flips");
        for (TargetComparison t : c.targets()) {
            targets.add(target(t));
            flips(flips, t.target(), "regressed", t.regressed());
            flips(flips, t.target(), "fixed", t.fixed());
        }
        return node;
    }

    private static ObjectNode target(TargetComparison t) {
        ObjectNode row = ViewJson.object();
        row.put("id", t.target());
        row.put("paired", t.paired());
        ViewJson.number(row, "basePassRate", t.basePassRate());
        ViewJson.number(row, "headPassRate", t.headPassRate());
        ViewJson.number(row, "difference", t.difference().difference());
        ViewJson.interval(row, "difference", t.difference().interval());
        ViewJson.number(row, "mcnemarExactP", t.mcnemar().exactTwoSided());
        ViewJson.number(row, "mcnemarMidP", t.mcnemar().midPTwoSided());
        ViewJson.number(row, "baseP95", t.baseP95());
        ViewJson.number(row, "headP95", t.headP95());
        BootstrapInterval ratio = t.p95Ratio();
        ViewJson.number(row, "p95Ratio", ratio == null ? Double.NaN : ratio.point());
        ViewJson.interval(row, "p95Ratio", ratio == null ? null : ratio.interval());
        if (t.ttft() != null) {
            ViewJson.number(row, "baseTtftP95", t.ttft().baseP95());
            ViewJson.number(row, "headTtftP95", t.ttft().headP95());
            BootstrapInterval ttft = t.ttft().p95Ratio();
            ViewJson.number(row, "ttftP95Ratio", ttft == null ? Double.NaN : ttft.point());
            ViewJson.interval(row, "ttftP95Ratio", ttft == null ? null : ttft.interval());
        }
        ViewJson.number(row, "costRatio", t.costRatio());
        ViewJson.number(row, "baseErrorRate", t.baseErrorRate());
        ViewJson.number(row, "headErrorRate", t.headErrorRate());
        row.put("regressed", t.regressedCount());
        row.put("fixed", t.fixedCount());
        row.put("newCases", t.newCases().size());
        row.put("removedCases", t.removedCases().size());
        ArrayNode slices = row.putArray("slices");
        for (SliceComparison s : t.slices()) {
            ObjectNode slice = slices.addObject();
            slice.put("key", s.key());
            slice.put("value", s.value());
            slice.put("paired", s.paired());
            ViewJson.number(slice, "baseRate", s.baseRate());
            ViewJson.number(slice, "headRate", s.headRate());
            ViewJson.number(slice, "difference", s.difference());
            ViewJson.number(slice, "adjustedP", s.adjustedP());
            slice.put("flagged", s.flagged());
        }
        return row;
    }

    private static void flips(ArrayNode into, String target, String direction, List<Flip> flips) {
        for (Flip f : flips) {
            ObjectNode row = into.addObject();
            row.put("target", target);
            row.put("direction", direction);
            row.put("caseId", f.caseId());
            ViewJson.text(row, "expected", f.expected());
            ViewJson.text(row, "baseOutput", f.baseOutput());
            ViewJson.text(row, "headOutput", f.headOutput());
        }
    }
}
