package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.Proportion;
import dev.evalgate.stats.Quantiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One row per candidate: pass rate with its Wilson 95% interval, latency p50/p95, time to first token p50/p95 of
 * streamed calls, cost per request, error rate,
 * and whether it is on the cost/pass-rate frontier.
 */
final class TargetRows {

    static final double CONFIDENCE = 0.95;

    private TargetRows() {
    }

    /** The figures of one target, as the rows and the frontier need them. */
    record Figures(String id, int n, long passed, long errors, double passRate, Interval interval, double p50,
                   double p95, Double costPerRequest, boolean local, long judgeErrors, double ttftP50,
                   double ttftP95) {

        static Figures of(TargetRecord target, Set<String> localTargets) {
            List<CaseRecord> cases = target.cases();
            int n = cases.size();
            long passed = cases.stream().filter(CaseRecord::passed).count();
            long errors = cases.stream().filter(CaseRecord::errored).count();
            double[] live = LatencyCurves.live(cases);
            double[] ttft = cases.stream().mapToDouble(CaseRecord::ttftMs).filter(Double::isFinite).sorted().toArray();
            boolean local = localTargets.contains(target.target());
            return new Figures(target.target(), n, passed, errors, n == 0 ? Double.NaN : (double) passed / n,
                    Proportion.wilson(passed, n, CONFIDENCE),
                    live.length == 0 ? Double.NaN : Quantiles.nearestRank(live, 0.5),
                    live.length == 0 ? Double.NaN : Quantiles.nearestRank(live, 0.95), cost(cases, local), local,
                    cases.stream().filter(CaseRecord::judgeError).count(),
                    ttft.length == 0 ? Double.NaN : Quantiles.nearestRank(ttft, 0.5),
                    ttft.length == 0 ? Double.NaN : Quantiles.nearestRank(ttft, 0.95));
        }

        /** Mean cost per case; null when any case's cost is unknown, 0 for a local target that states none. */
        private static Double cost(List<CaseRecord> cases, boolean local) {
            if (cases.isEmpty()) {
                return local ? 0.0 : null;
            }
            double total = 0;
            for (CaseRecord c : cases) {
                if (c.costUsd() == null) {
                    if (!local) {
                        return null;
                    }
                } else {
                    total += c.costUsd();
                }
            }
            return total / cases.size();
        }

        boolean dominatedBy(Figures other) {
            if (costPerRequest == null || other.costPerRequest == null || Double.isNaN(passRate)
                    || Double.isNaN(other.passRate)) {
                return false;
            }
            boolean noWorse = other.costPerRequest <= costPerRequest && other.passRate >= passRate;
            boolean better = other.costPerRequest < costPerRequest || other.passRate > passRate;
            return noWorse && better;
        }
    }

    static List<Figures> figures(List<TargetRecord> targets, Set<String> localTargets) {
        return targets.stream().map(t -> Figures.of(t, localTargets)).toList();
    }

    /**
     * Ids of the candidates no other candidate beats on both cost and pass rate (at least as good on both, better
     * on one). Candidates of unknown cost or without cases are never on it.
     */
    static Set<String> frontier(List<Figures> figures) {
        List<String> ids = new ArrayList<>();
        for (Figures f : figures) {
            if (f.costPerRequest() == null || Double.isNaN(f.passRate())) {
                continue;
            }
            if (figures.stream().noneMatch(f::dominatedBy)) {
                ids.add(f.id());
            }
        }
        return Set.copyOf(ids);
    }

    static ArrayNode json(List<Figures> figures) {
        Set<String> frontier = frontier(figures);
        ArrayNode rows = ViewJson.array();
        for (Figures f : figures) {
            ObjectNode row = rows.addObject();
            row.put("id", f.id());
            row.put("n", f.n());
            row.put("passed", f.passed());
            row.put("errors", f.errors());
            row.put("judgeErrors", f.judgeErrors());
            ViewJson.number(row, "passRate", f.passRate());
            ViewJson.interval(row, "pass", f.interval());
            ViewJson.number(row, "p50", f.p50());
            ViewJson.number(row, "p95", f.p95());
            ViewJson.number(row, "costPerRequest", f.costPerRequest());
            ViewJson.number(row, "ttftP50", f.ttftP50());
            ViewJson.number(row, "ttftP95", f.ttftP95());
            ViewJson.number(row, "errorRate", f.n() == 0 ? Double.NaN : (double) f.errors() / f.n());
            row.put("local", f.local());
            row.put("onFrontier", frontier.contains(f.id()));
        }
        return rows;
    }
}
