package dev.evalgate.report;

import dev.evalgate.gate.ShipDecision;

/**
 * The words both text reports use for a {@link ShipDecision}, so the console and the pull-request comment read
 * alike. Callers escape the results for their medium.
 */
final class ShipDecisionText {

    /** What the block is about, for its heading. */
    static final String AXES = "not dominated on pass rate, p95 and cost/request; cheapest that meets every budget";

    private ShipDecisionText() {
    }

    /** {@code not dominated}, or {@code dominated by a, b}. */
    static String standing(ShipDecision.Candidate c) {
        return c.dominated() ? "dominated by " + String.join(", ", c.dominatedBy()) : "not dominated";
    }

    /** {@code meets every budget}, or the first missed budget and how many more were missed. */
    static String budgets(ShipDecision decision, ShipDecision.Candidate c) {
        if (!decision.hasBudgets()) {
            return "no budgets in the gate";
        }
        if (c.meetsBudgets()) {
            return "meets every budget";
        }
        int more = c.budgetFailures().size() - 1;
        return "misses: " + c.budgetFailures().getFirst() + (more == 0 ? "" : " (and " + more + " more)");
    }

    /** {@code recommended: <id> — <why>}, or the reason nothing is recommended. */
    static String verdict(ShipDecision decision) {
        return decision.recommended().map(id -> "recommended: " + id + " — " + decision.why())
                .orElse(decision.reason());
    }
}
