package dev.evalgate.gate;

import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.stats.CorrectedPassRate;
import dev.evalgate.stats.Interval;

/**
 * A budget on the judged pass rate, decided on the interval of the rate corrected for the judge's measured error
 * when the judge is calibrated (judge-statistics §3). A judge that may be no better than chance decides nothing:
 * the check is INCONCLUSIVE and says how many labels would settle it. An uncalibrated judge is decided on the raw
 * judged interval, which the caller notes.
 */
final class JudgedBudget {

    private JudgedBudget() {
    }

    static GateCheck check(AbsoluteBudget limit, JudgedRate rate) {
        if (rate == null) {
            return cannotJudge(limit, "no model judge graded this target's outputs; add a judge scorer or remove"
                    + " the judged_pass_rate budget");
        }
        if (rate.verdicts() == 0) {
            return cannotJudge(limit, "no output got a verdict from the judge (every judgment was a judge error)");
        }
        CorrectedPassRate corrected = rate.corrected();
        if (corrected instanceof CorrectedPassRate.Estimated e) {
            return limit.check(e.point(), e.interval());
        }
        if (corrected instanceof CorrectedPassRate.Undecidable u) {
            return cannotJudge(limit, u.note());
        }
        return limit.check(rate.raw(), rate.rawInterval());
    }

    private static GateCheck cannotJudge(AbsoluteBudget limit, String why) {
        return new GateCheck(limit.scope(), limit.measure(), Double.NaN, Interval.empty(), limit.bound(),
                limit.limit(), Verdict.INCONCLUSIVE, limit.scope() + " " + limit.measure() + " cannot be judged: "
                + why);
    }
}
