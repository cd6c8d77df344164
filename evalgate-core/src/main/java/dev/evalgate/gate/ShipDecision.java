package dev.evalgate.gate;

import dev.evalgate.metric.TargetMetrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run summary's answer to "which candidate ships?": which candidates are not dominated on pass rate, p95
 * latency and cost per request, and the cheapest candidate that meets every absolute budget of the suite's gate.
 *
 * <p>Every target of the run is a candidate, whatever {@code gate.targets} says: the question is which one to
 * pick. Only absolute budgets take part; margins need a baseline, which {@code evalgate check} applies. A budget
 * that is INCONCLUSIVE is not met, because the run cannot show it is. An unknown cost or p95 ranks as the worst
 * value on its axis, so missing data never makes a candidate look cheaper or faster.
 *
 * <p>A candidate is never recommended as "cheapest" on an unknown cost: it can be recommended only when it is the
 * only candidate left, and then the reason says its cost is unknown. A candidate that errored on every case is
 * never recommended, nor is anything from an incomplete run ({@link #incomplete}).
 *
 * @param hasBudgets  the gate has absolute budgets; without them every candidate meets them trivially
 * @param recommended the target to ship; empty when no candidate meets every budget (or there are none)
 * @param reason      why, in one line: the recommended id first, or each candidate's first missed budget
 * @param notes       what the decision assumed, such as an unknown cost ranked as the most expensive
 */
public record ShipDecision(List<Candidate> candidates, boolean hasBudgets, Optional<String> recommended,
                           String reason, List<String> notes) {

    /**
     * One target as a candidate.
     *
     * @param p95Ms             NaN when no live call was timed
     * @param costPerRequestUsd null when unknown
     * @param dominatedBy       the candidates at least as good on all three axes and better on one, in run order
     * @param meetsBudgets      every absolute budget PASSed (true when the gate has none), and not every case
     *                          errored
     * @param budgetFailures    why it is not eligible: every case errored, then the messages of the budgets that
     *                          did not PASS, in the gate's order
     */
    public record Candidate(String targetId, double passRate, double p95Ms, Double costPerRequestUsd,
                            List<String> dominatedBy, boolean meetsBudgets, List<String> budgetFailures) {

        public Candidate {
            dominatedBy = List.copyOf(dominatedBy);
            budgetFailures = List.copyOf(budgetFailures);
        }

        public boolean dominated() {
            return !dominatedBy.isEmpty();
        }

        double passKey() {
            return Double.isNaN(passRate) ? Double.NEGATIVE_INFINITY : passRate;
        }

        double p95Key() {
            return Double.isNaN(p95Ms) ? Double.POSITIVE_INFINITY : p95Ms;
        }

        double costKey() {
            return costPerRequestUsd == null ? Double.POSITIVE_INFINITY : costPerRequestUsd;
        }
    }

    /** Cheapest first; equal cost goes to the higher pass rate, then the lower p95. */
    static final Comparator<Candidate> CHEAPEST = Comparator.comparingDouble(Candidate::costKey)
            .thenComparing(Comparator.comparingDouble(Candidate::passKey).reversed())
            .thenComparingDouble(Candidate::p95Key);

    public ShipDecision {
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
    }

    /** The decision over every target of a run; {@code suite} names the budget checks, as {@code suite/target}. */
    public static ShipDecision decide(List<TargetMetrics> metrics, GateConfig gate, String suite) {
        List<String> notes = new ArrayList<>();
        List<Candidate> plain = new ArrayList<>();
        List<List<GateCheck>> checks = new ArrayList<>();
        for (TargetMetrics m : metrics) {
            List<GateCheck> own = MetricBudgets.check(m, gate.budgets(), suite + "/" + m.targetId());
            checks.add(own);
            List<String> failures = new ArrayList<>();
            if (m.cases() == 0 || m.errored() == m.cases()) {
                // every answer is an error: its pass rate and latency describe the failure, not the candidate
                failures.add(suite + "/" + m.targetId() + " errored on every case (" + m.errored() + " of "
                        + m.cases() + "), so there is no answer to judge");
            }
            own.stream().filter(c -> c.verdict() != Verdict.PASS).map(GateCheck::message).forEach(failures::add);
            plain.add(new Candidate(m.targetId(), m.passRate(), m.latency().p95(), m.cost().perRequestUsd(),
                    List.of(), failures.isEmpty(), failures));
            notes.addAll(unknowns(plain.getLast()));
        }
        List<Candidate> candidates = plain.stream().map(c -> new Candidate(c.targetId(), c.passRate(), c.p95Ms(),
                c.costPerRequestUsd(), dominators(c, plain), c.meetsBudgets(), c.budgetFailures())).toList();
        if (!gate.margins().isEmpty()) {
            notes.add("margins against a baseline are not part of this decision; apply them with evalgate check");
        }
        boolean budgeted = !gate.budgets().isEmpty();
        if (candidates.isEmpty()) {
            return new ShipDecision(candidates, false, Optional.empty(), "no candidates: the run has no targets",
                    notes);
        }
        List<Candidate> eligible = candidates.stream().filter(Candidate::meetsBudgets)
                .filter(c -> budgeted || !c.dominated()).toList();
        if (eligible.isEmpty()) {
            List<String> misses = candidates.stream().map(c -> c.targetId() + ": " + (c.budgetFailures().isEmpty()
                    ? "dominated by " + String.join(", ", c.dominatedBy()) : c.budgetFailures().getFirst())).toList();
            return new ShipDecision(candidates, budgeted, Optional.empty(), (budgeted
                    ? "no candidate meets every budget: " : "no recommendation: ")
                    + String.join("; ", misses), notes);
        }
        return pick(candidates, eligible, checks, gate, notes);
    }

    /**
     * The cheapest eligible candidate with a known cost; an unpriced one only when it is the only one eligible,
     * since an unknown cost is not $0 and cannot be compared.
     */
    private static ShipDecision pick(List<Candidate> candidates, List<Candidate> eligible,
                                     List<List<GateCheck>> checks, GateConfig gate, List<String> notes) {
        boolean budgeted = !gate.budgets().isEmpty();
        String qualifier = budgeted ? "that meets every budget" : "that is not dominated";
        String prefix = budgeted ? "" : "no budgets in the suite's gate: ";
        List<Candidate> priced = eligible.stream().filter(c -> c.costPerRequestUsd() != null).toList();
        if (priced.isEmpty() && eligible.size() > 1) {
            List<String> ids = eligible.stream().map(Candidate::targetId).toList();
            return new ShipDecision(candidates, budgeted, Optional.empty(), "no recommendation: "
                    + String.join(", ", ids) + (budgeted ? " meet every budget" : " are not dominated")
                    + ", but their cost is unknown, so"
                    + " none can be called the cheapest; set input_per_mtok/output_per_mtok or per_request on the"
                    + " targets", notes);
        }
        Candidate chosen = priced.isEmpty() ? eligible.getFirst() : priced.stream().min(CHEAPEST).orElseThrow();
        String met = budgeted ? budgets(checks.get(candidates.indexOf(chosen))) + "; " : "";
        String reason;
        if (priced.isEmpty()) {
            // an unknown cost is not $0: the only candidate left is named as such, never as the cheapest
            reason = chosen.targetId() + ": " + prefix + "the only candidate " + qualifier + " (" + met
                    + usd(chosen) + ")";
        } else {
            List<String> unpriced = eligible.stream().filter(c -> c.costPerRequestUsd() == null)
                    .map(Candidate::targetId).toList();
            boolean tied = priced.stream().anyMatch(c -> c != chosen && c.costKey() == chosen.costKey());
            reason = chosen.targetId() + ": " + prefix + "cheapest " + (budgeted ? "" : "candidate ") + qualifier
                    + " (" + met + usd(chosen) + ")"
                    + (unpriced.isEmpty() ? "" : " among those with a known cost; the cost of "
                    + String.join(", ", unpriced) + " is unknown")
                    + (tied && budgeted ? "; at equal cost the higher pass rate, then the lower p95 wins" : "");
        }
        return new ShipDecision(candidates, budgeted, Optional.of(chosen.targetId()), reason, notes);
    }

    /**
     * This decision for a run that stopped before every case was answered: the candidates as far as they got, and
     * no recommendation, since the cases left out could change it.
     *
     * @param done    the target-case results the run has
     * @param planned the target-case results it was meant to have
     */
    public ShipDecision incomplete(long done, long planned) {
        return new ShipDecision(candidates, hasBudgets, Optional.empty(), "no recommendation: the run is incomplete ("
                + done + " of " + planned + " cases)", notes);
    }

    /** The reason without the recommended id in front of it, for a line that already names the candidate. */
    public String why() {
        return recommended.map(id -> reason.startsWith(id + ": ") ? reason.substring(id.length() + 2) : reason)
                .orElse(reason);
    }

    /** Who dominates {@code c}: at least as good on pass rate, p95 and cost, and strictly better on one. */
    private static List<String> dominators(Candidate c, List<Candidate> all) {
        return all.stream().filter(o -> o != c)
                .filter(o -> o.passKey() >= c.passKey() && o.p95Key() <= c.p95Key() && o.costKey() <= c.costKey())
                .filter(o -> o.passKey() > c.passKey() || o.p95Key() < c.p95Key() || o.costKey() < c.costKey())
                .map(Candidate::targetId).toList();
    }

    private static List<String> unknowns(Candidate c) {
        List<String> notes = new ArrayList<>();
        if (c.costPerRequestUsd() == null) {
            notes.add(c.targetId() + ": cost per request unknown, so it ranks as the most expensive");
        }
        if (Double.isNaN(c.p95Ms())) {
            notes.add(c.targetId() + ": no live call was timed, so its p95 ranks as the slowest");
        }
        return notes;
    }

    /** Each check the chosen candidate met, as {@code measure actual >= limit}; a judged budget has one per judge. */
    private static String budgets(List<GateCheck> met) {
        List<String> parts = new ArrayList<>();
        for (GateCheck check : met) {
            String words = check.measure();
            String format = words.endsWith(" ms") ? "%.1f" : words.endsWith(" usd") ? "%.6f" : "%.3f";
            parts.add(words + " " + String.format(Locale.ROOT, format, check.actual())
                    + (check.bound() == Bound.MINIMUM ? " >= " : " <= ")
                    + BigDecimal.valueOf(check.limit()).stripTrailingZeros().toPlainString());
        }
        return String.join(", ", parts);
    }

    private static String usd(Candidate c) {
        Double usd = c.costPerRequestUsd();
        if (usd == null) {
            return "cost unknown";
        }
        String amount = usd == 0 ? "$0" : String.format(Locale.ROOT, usd >= 0.01 ? "$%.4f" : "$%.6f", usd);
        return "cost " + amount + "/request";
    }
}
