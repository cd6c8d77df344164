package dev.evalgate.gate;

import dev.evalgate.stats.Interval;

/**
 * A non-inferiority margin: how much worse than its baseline a candidate may be on one measure, decided by the
 * four cells of eval-statistics §3.4.
 *
 * <p>The measure is a comparison statistic: a difference such as Δ pass rate (no change = 0, limit = −δ, bound
 * MINIMUM) or a ratio such as p95 latency cand/base (no change = 1, limit = 1 + τ, bound MAXIMUM). Two questions
 * decide it. Is the regression significant (one-sided p &lt; α_fail)? Could it exceed the margin (the interval's
 * worse end reaches the limit)? Yes/yes is FAIL, yes/no PASS_WITH_WARNING, no/yes INCONCLUSIVE, no/no PASS. The
 * margin doubles as a materiality guard: a tiny but significant regression on a huge suite only warns.
 *
 * @param noChange the value of the statistic when candidate and baseline agree: 0 for a difference, 1 for a ratio
 * @param limit    the worst acceptable value, on the worse side of {@code noChange}
 */
public record Margin(String scope, String measure, Bound bound, double noChange, double limit) {

    public Margin {
        if (!Double.isFinite(limit) || !Double.isFinite(noChange) || !bound.admits(noChange, limit)) {
            throw new IllegalArgumentException("the " + bound.word() + " " + limit + " of " + scope + " " + measure
                    + " must be a finite number on the worse side of no change (" + noChange + "); for a "
                    + "5 pp margin on a pass-rate difference use minimum -0.05, for +10% on a ratio maximum 1.10");
        }
    }

    /**
     * The decision for one comparison.
     *
     * @param pValue    one-sided p for H0 "no regression", already Holm-adjusted across the blocking family
     *                  ({@link BlockingFamily}); NaN when the method gives none, and then significance means the
     *                  whole interval lies on the worse side of {@code noChange} (§4.3)
     * @param alphaFail the one-sided level, 0.025 to match the displayed two-sided 95% intervals
     */
    public GateCheck check(double actual, Interval interval, double pValue, double alphaFail) {
        if (!(alphaFail > 0 && alphaFail < 1)) {
            throw new IllegalArgumentException("alpha_fail must be in (0, 1), e.g. 0.025, got " + alphaFail);
        }
        Verdict verdict;
        if (interval.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
        } else {
            boolean significant = Double.isNaN(pValue)
                    ? !bound.admits(bound.betterEnd(interval), noChange)
                    : pValue < alphaFail;
            double worse = bound.worseEnd(interval);
            // §3.4 passes only when r_U < δ: reaching the limit exactly still could exceed it.
            boolean couldExceed = bound == Bound.MINIMUM ? worse <= limit : worse >= limit;
            if (significant) {
                verdict = couldExceed ? Verdict.FAIL : Verdict.PASS_WITH_WARNING;
            } else {
                verdict = couldExceed ? Verdict.INCONCLUSIVE : Verdict.PASS;
            }
        }
        return GateCheck.of(scope, measure, actual, interval, bound, limit, verdict);
    }
}
