package dev.evalgate.score;

import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.tools.CallExpectations;
import dev.evalgate.tools.CallMatch;
import dev.evalgate.tools.CaseScript;
import dev.evalgate.tools.Exchange;

import java.util.List;
import java.util.Locale;

/**
 * The {@code tool-calls} scorer: the calls a conversation made against the calls its case expects (see
 * {@link CallExpectations}). Its value is the F1 of matched calls; its reason names each missing, extra, forbidden
 * or mis-ordered call and the argument that did not match.
 *
 * <p>It passes when the F1 reaches {@code threshold} (1 by default) and no forbidden call or order rule was
 * broken.
 */
record ToolCallsScorer(double threshold) implements Scorer {

    static final String ID = "tool-calls";

    @Override
    public Score score(Case kase, String output) {
        return score(kase, output, null);
    }

    @Override
    public Score score(Case kase, String output, Exchange exchange) {
        CallExpectations expectations = CaseScript.of(kase).expectations();
        if (expectations == null) {
            return Score.error(ID, Texts.caseName(kase) + " states no expected_calls, forbidden_calls or call_order "
                    + "to check its tool calls against");
        }
        CallMatch match = CallMatch.of(expectations, exchange == null ? List.of() : exchange.toolCalls());
        double f1 = match.f1();
        if (match.perfect()) {
            String reason = match.required() == 0 && match.calls() == 0 ? "no tool calls, as expected"
                    : "all " + match.required() + " expected tool call" + (match.required() == 1 ? "" : "s")
                    + " made" + (expectations.order().isEmpty() ? "" : ", in order");
            return new Score(ID, f1, Outcome.PASS, reason);
        }
        boolean pass = !match.violated() && f1 >= threshold;
        String reason = "tool calls F1 " + String.format(Locale.ROOT, "%.2f", f1) + ": "
                + String.join("; ", match.problems());
        return new Score(ID, f1, pass ? Outcome.PASS : Outcome.FAIL, reason);
    }

    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            double threshold = options.number("threshold", 0, 1).orElse(1.0);
            options.done();
            return new ToolCallsScorer(threshold);
        }
    }
}
