package dev.evalgate.gate;

import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.metric.GradingMetrics;
import dev.evalgate.stats.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A judged pass rate budget applied to a target's judge scorers: each judge scorer has its own judge and
 * calibration, so each gets its own check, decided on its own corrected interval ({@link JudgedBudget}).
 */
final class JudgedBudgets {

    /** The name a judge scorer has when the suite does not name it; its checks keep the plain measure name. */
    static final String DEFAULT_SCORER = "judge";

    private JudgedBudgets() {
    }

    /**
     * The checks of {@code budget} on a target's judged rates by judge scorer name: one per judge scorer, or only
     * the one the budget names. Notes say when a rate is decided on the raw judged interval.
     */
    static List<GateCheck> check(String scope, GateConfig.Budget budget, Map<String, JudgedRate> rates,
                                 List<String> notes) {
        GateConfig.Measure m = budget.measure();
        Map<String, JudgedRate> byScorer = rates == null ? Map.of() : rates;
        if (budget.scorer() != null) {
            JudgedRate rate = byScorer.get(budget.scorer());
            AbsoluteBudget limit = limit(scope, budget, budget.scorer());
            if (rate == null && !byScorer.isEmpty()) {
                return List.of(cannotJudge(limit, "no judge scorer named '" + budget.scorer() + "' graded this"
                        + " target's outputs; its judge scorers are " + String.join(", ", byScorer.keySet())));
            }
            return List.of(decide(limit, rate, notes));
        }
        if (byScorer.isEmpty()) {
            return List.of(JudgedBudget.check(new AbsoluteBudget(scope, m.words(), m.bound(), budget.limit()), null));
        }
        List<GateCheck> checks = new ArrayList<>();
        byScorer.forEach((scorer, rate) -> checks.add(decide(limit(scope, budget, scorer), rate, notes)));
        return checks;
    }

    /** A target's judged rates by judge scorer, from its grading figures; empty when no judge graded it. */
    static Map<String, JudgedRate> of(GradingMetrics grading) {
        Map<String, JudgedRate> rates = new LinkedHashMap<>();
        if (grading == null) {
            return rates;
        }
        if (grading.scorers().isEmpty()) {
            if (grading.judged() != null) {
                rates.put(DEFAULT_SCORER, grading.judged());
            }
            return rates;
        }
        grading.scorers().forEach((scorer, g) -> {
            if (g.judged() != null) {
                rates.put(scorer, g.judged());
            }
        });
        return rates;
    }

    /** How the measure reads for {@code scorer}: plain for the unnamed judge, with the name for named ones. */
    static String words(GateConfig.Measure m, String scorer) {
        return DEFAULT_SCORER.equals(scorer) ? m.words() : m.words() + " (" + scorer + ")";
    }

    private static AbsoluteBudget limit(String scope, GateConfig.Budget budget, String scorer) {
        GateConfig.Measure m = budget.measure();
        return new AbsoluteBudget(scope, words(m, scorer), m.bound(), budget.limit());
    }

    private static GateCheck decide(AbsoluteBudget limit, JudgedRate rate, List<String> notes) {
        GateCheck check = JudgedBudget.check(limit, rate);
        if (notes != null && rate != null && rate.corrected() == null) {
            notes.add(limit.scope() + " " + limit.measure() + " is not corrected (" + rate.uncorrected() + "), so it"
                    + " is decided on the raw judged interval, which ignores the judge's own errors");
        }
        return check;
    }

    private static GateCheck cannotJudge(AbsoluteBudget limit, String why) {
        return new GateCheck(limit.scope(), limit.measure(), Double.NaN, Interval.empty(), limit.bound(),
                limit.limit(), Verdict.INCONCLUSIVE, limit.scope() + " " + limit.measure() + " cannot be judged: "
                + why);
    }
}
