package dev.evalgate.gate;

import dev.evalgate.stats.Interval;

/**
 * A fixed limit on one run's measure, such as "pass rate at least 0.85", decided on the measure's interval
 * (eval-statistics §2.2, last bullet).
 *
 * <p>PASS when even the interval's worse end is within the limit, FAIL when even its better end is not, and
 * INCONCLUSIVE when the interval straddles the limit: the run cannot tell, so it neither passes nor blocks. A
 * point estimate alone would flip with noise around the limit.
 */
public record AbsoluteBudget(String scope, String measure, Bound bound, double limit) {

    public AbsoluteBudget {
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException("the " + bound.word() + " of " + scope + " " + measure
                    + " must be a finite number, got " + limit);
        }
    }

    /** The check of a point estimate and its interval; an empty interval (no data) is INCONCLUSIVE. */
    public GateCheck check(double actual, Interval interval) {
        Verdict verdict;
        if (interval.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
        } else if (bound.admits(bound.worseEnd(interval), limit)) {
            verdict = Verdict.PASS;
        } else if (!bound.admits(bound.betterEnd(interval), limit)) {
            verdict = Verdict.FAIL;
        } else {
            verdict = Verdict.INCONCLUSIVE;
        }
        return GateCheck.of(scope, measure, actual, interval, bound, limit, verdict);
    }
}
