package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.stats.Quantiles;

import java.util.List;

/**
 * Each candidate's latency distribution as an empirical CDF: the sorted per-case latencies of live calls with
 * their cumulative fraction, thinned to at most {@value #MAX_POINTS} points so a large run stays a small file.
 */
final class LatencyCurves {

    static final int MAX_POINTS = 400;

    private LatencyCurves() {
    }

    /** The finite latencies of the cases, sorted; cases answered only from the cache carry none. */
    static double[] live(List<CaseRecord> cases) {
        return cases.stream().mapToDouble(CaseRecord::latencyMs).filter(Double::isFinite).sorted().toArray();
    }

    static ArrayNode json(List<TargetRecord> targets) {
        ArrayNode curves = ViewJson.array();
        for (TargetRecord t : targets) {
            double[] sorted = live(t.cases());
            ObjectNode curve = curves.addObject();
            curve.put("target", t.target());
            curve.put("live", sorted.length);
            curve.put("cached", t.cases().size() - sorted.length);
            boolean any = sorted.length > 0;
            ViewJson.number(curve, "p50", any ? Quantiles.nearestRank(sorted, 0.5) : Double.NaN);
            ViewJson.number(curve, "p95", any ? Quantiles.nearestRank(sorted, 0.95) : Double.NaN);
            ViewJson.number(curve, "max", any ? sorted[sorted.length - 1] : Double.NaN);
            ArrayNode points = curve.putArray("cdf");
            for (int i : thinned(sorted.length)) {
                points.addArray().add(sorted[i]).add((double) (i + 1) / sorted.length);
            }
        }
        return curves;
    }

    /** Indices of the points kept: all of them, or an even spread that always keeps the first and the last. */
    static int[] thinned(int n) {
        int kept = Math.min(n, MAX_POINTS);
        int[] indices = new int[kept];
        for (int k = 0; k < kept; k++) {
            indices[k] = kept == n ? k : (int) Math.round((double) k * (n - 1) / (kept - 1));
        }
        return indices;
    }
}
