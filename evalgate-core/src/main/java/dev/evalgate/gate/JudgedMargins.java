package dev.evalgate.gate;

import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.JudgedComparison;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A margin on the judged pass rate against a baseline, per judge scorer. It is decided on the change corrected for
 * the judge's error (judge-statistics §4): the raw judged change shrinks every real change by J, so a margin on it
 * would be wrongly lenient. Without one calibrated judge for both runs, or with a judge that may be no better than
 * chance, the check is INCONCLUSIVE and says why.
 */
final class JudgedMargins {

    private JudgedMargins() {
    }

    /**
     * Adds the margin's evidence for each judge scorer of a target ({@code changes} by scorer) to {@code members},
     * or an INCONCLUSIVE check to {@code undecided} when there is nothing to decide on.
     */
    static void evidence(String scope, double margin, Map<String, JudgedChange> changes, List<MarginEvidence> members,
                         List<GateCheck> undecided, List<String> notes) {
        GateConfig.Measure m = GateConfig.Measure.JUDGED_PASS_RATE;
        if (changes == null || changes.isEmpty()) {
            Margin limit = new Margin(scope, m.words() + " change", Bound.MINIMUM, 0, -margin);
            undecided.add(cannotJudge(limit, "neither run keeps judge verdicts for this target to pair (a baseline"
                    + " file keeps none; compare two stored runs)"));
            return;
        }
        changes.forEach((scorer, change) -> {
            Margin limit = new Margin(scope, JudgedBudgets.words(m, scorer) + " change", Bound.MINIMUM, 0, -margin);
            JudgedComparison.Estimated e = change.estimate();
            if (e == null) {
                undecided.add(cannotJudge(limit, change.reason()));
                return;
            }
            notes.add(String.format(Locale.ROOT, "%s %s: the corrected change is %+.3f [%.3f, %.3f] (raw judged"
                            + " %+.3f on %d paired cases, divided by the judge's J)", scope, limit.measure(),
                    e.difference(), e.interval().lower(), e.interval().upper(), change.judged().difference(),
                    change.paired()));
            // McNemar on the judged verdicts stays a valid test of "no change" in the true rate, with less power
            members.add(new MarginEvidence(limit, e.difference(), e.interval(), e.test().midPOneSided()));
        });
    }

    private static GateCheck cannotJudge(Margin limit, String why) {
        return new GateCheck(limit.scope(), limit.measure(), Double.NaN, Interval.empty(), limit.bound(),
                limit.limit(), Verdict.INCONCLUSIVE, limit.scope() + " " + limit.measure() + " cannot be judged: "
                + why);
    }
}
