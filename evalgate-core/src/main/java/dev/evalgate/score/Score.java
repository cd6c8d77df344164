package dev.evalgate.score;

/**
 * One scorer's judgement of one output.
 *
 * @param scorer the scorer's id, e.g. {@code equals}
 * @param value  in [0, 1]; 1 is fully correct, fractions are partial credit
 * @param reason in the user's units, e.g. {@code expected "billing" but got "refund"}
 * @param grading what a model judge spent on this score; null for scorers that call no model
 */
public record Score(String scorer, double value, Outcome outcome, String reason, Grading grading) {

    /** A score that no model judge produced. */
    public Score(String scorer, double value, Outcome outcome, String reason) {
        this(scorer, value, outcome, reason, null);
    }

    public Score {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("score value must be in [0, 1], got " + value);
        }
    }

    public static Score pass(String scorer, String reason) {
        return new Score(scorer, 1, Outcome.PASS, reason);
    }

    public static Score fail(String scorer, String reason) {
        return new Score(scorer, 0, Outcome.FAIL, reason);
    }

    public static Score error(String scorer, String reason) {
        return new Score(scorer, 0, Outcome.ERROR, reason);
    }

    /** PASS when the value reaches the threshold, FAIL otherwise. */
    public static Score of(String scorer, double value, double passAt, String reason) {
        return new Score(scorer, value, value >= passAt ? Outcome.PASS : Outcome.FAIL, reason);
    }
}
