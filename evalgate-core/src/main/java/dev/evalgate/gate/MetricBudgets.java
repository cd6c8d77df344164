package dev.evalgate.gate;

import dev.evalgate.metric.LatencyStats;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.Proportion;

import java.util.ArrayList;
import java.util.List;

/**
 * The absolute budgets of a gate decided on one target's {@link TargetMetrics}, the summary a run prints.
 *
 * <p>It decides like {@link SuiteGate} does on stored cases (Wilson for rates, the order-statistic interval for
 * p95, a degenerate interval for the per-request cost), so the run summary and {@code evalgate check} agree. The
 * metrics keep no raw latencies, so p95 uses {@link LatencyStats#p95Interval()}, which needs 72 live calls.
 */
final class MetricBudgets {

    private static final double CONFIDENCE = TargetMetricsCollector.CONFIDENCE;

    private MetricBudgets() {
    }

    /**
     * One check per budget, in the order of {@code budgets} (a judged budget: one per judge scorer it covers);
     * {@code scope} is {@code suite/target}.
     */
    static List<GateCheck> check(TargetMetrics m, List<GateConfig.Budget> budgets, String scope) {
        List<GateCheck> checks = new ArrayList<>();
        for (GateConfig.Budget budget : budgets) {
            if (budget.measure() == GateConfig.Measure.JUDGED_PASS_RATE) {
                checks.addAll(JudgedBudgets.check(scope, budget, JudgedBudgets.of(m.grading()), null));
            } else {
                checks.add(check(m, budget, scope));
            }
        }
        return checks;
    }

    private static GateCheck check(TargetMetrics m, GateConfig.Budget budget, String scope) {
        GateConfig.Measure measure = budget.measure();
        AbsoluteBudget limit = new AbsoluteBudget(scope, measure.words(), measure.bound(), budget.limit());
        long n = m.cases();
        return switch (measure) {
            // whole passes, as the gate counts them; equal to the summary's pass rate when repeat is 1
            case PASS_RATE -> limit.check(rate(m.passed(), n), Proportion.wilson(m.passed(), n, CONFIDENCE));
            case ERROR_RATE -> limit.check(rate(m.errored(), n), Proportion.wilson(m.errored(), n, CONFIDENCE));
            case P95_LATENCY_MS -> latency(m, limit, budget, scope);
            case COST_PER_REQUEST_USD -> cost(m, limit, budget, scope);
            case JUDGED_PASS_RATE -> throw new IllegalStateException("judged budgets are checked per judge scorer");
            case TTFT_P95_MS -> ttft(m, limit, budget, scope);
        };
    }

    private static GateCheck latency(TargetMetrics m, AbsoluteBudget limit, GateConfig.Budget budget, String scope) {
        LatencyStats latency = m.latency();
        if (latency.n() == 0) {
            return cannotJudge(scope, budget, m.cachedCalls() > 0
                    ? "every call was answered from the cache, so there is no latency to judge; run with --no-cache"
                    + " to measure it"
                    : "no call was made, so there is no latency to judge");
        }
        if (latency.p95Interval() == null) {
            return cannotJudge(scope, budget, latency.note() + " live calls; run more cases to decide a p95 budget");
        }
        return limit.check(latency.p95(), latency.p95Interval());
    }

    private static GateCheck ttft(TargetMetrics m, AbsoluteBudget limit, GateConfig.Budget budget, String scope) {
        if (m.streaming() == null) {
            return cannotJudge(scope, budget, TtftBudget.NOT_STREAMED);
        }
        LatencyStats ttft = m.streaming().ttft();
        if (ttft.p95Interval() == null) {
            return cannotJudge(scope, budget, ttft.note() + " streamed calls; run more cases to decide a ttft budget");
        }
        return limit.check(ttft.p95(), ttft.p95Interval());
    }

    private static GateCheck cost(TargetMetrics m, AbsoluteBudget limit, GateConfig.Budget budget, String scope) {
        Double perRequest = m.cost().perRequestUsd();
        if (perRequest == null) {
            return cannotJudge(scope, budget, m.cost().callsWithUnknownCost() > 0
                    ? "the cost of " + m.cost().callsWithUnknownCost() + " calls is unknown (no price for the model);"
                    + " set input_per_mtok/output_per_mtok or per_request on the target"
                    : "no call was made, so there is no cost to judge");
        }
        // a price table gives the same cost for the same prompt: the point value is the whole evidence
        return limit.check(perRequest, new Interval(perRequest, perRequest));
    }

    private static double rate(long count, long n) {
        return n == 0 ? Double.NaN : (double) count / n;
    }

    private static GateCheck cannotJudge(String scope, GateConfig.Budget budget, String why) {
        GateConfig.Measure m = budget.measure();
        return new GateCheck(scope, m.words(), Double.NaN, Interval.empty(), m.bound(), budget.limit(),
                Verdict.INCONCLUSIVE, scope + " " + m.words() + " cannot be judged: " + why);
    }
}
