package dev.evalgate.gate;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.stats.OrderStatisticInterval;
import dev.evalgate.stats.Quantiles;

import java.util.List;

/**
 * The {@code ttft_p95_ms} budget decided on stored cases: the nearest-rank p95 of the cases' times to first token
 * and its order-statistic interval, as {@code p95_latency_ms} is decided on latency.
 */
final class TtftBudget {

    /** Why a run that never streamed cannot be judged, and what to change. */
    static final String NOT_STREAMED = "no call streamed, so there is no time to first token; set stream: true on"
            + " the target (openai or anthropic) to measure it";

    private TtftBudget() {
    }

    static GateCheck check(AbsoluteBudget limit, String scope, List<CaseRecord> cases, double confidence,
                           List<String> notes) {
        double[] live = cases.stream().mapToDouble(CaseRecord::ttftMs).filter(Double::isFinite).sorted().toArray();
        if (live.length == 0) {
            return new GateCheck(scope, limit.measure(), Double.NaN, dev.evalgate.stats.Interval.empty(),
                    limit.bound(), limit.limit(), Verdict.INCONCLUSIVE,
                    scope + " " + limit.measure() + " cannot be judged: " + NOT_STREAMED);
        }
        OrderStatisticInterval ranks = OrderStatisticInterval.ranks(live.length, 0.95, 1 - confidence);
        if (!ranks.hasUpper()) {
            notes.add(scope + " ttft p95: " + live.length + " streamed calls give no upper bound for p95 (needs "
                    + OrderStatisticInterval.minimumN(0.95, 1 - confidence) + ")");
        }
        return limit.check(Quantiles.nearestRank(live, 0.95), ranks.apply(live));
    }
}
