package dev.evalgate.score;

/**
 * One scorer's judgement of one output.
 *
 * @param scorer the scorer's id, e.g. {@code equals}
 * @param value  in [0, 1]; 1 is fully correct, fractions are partial credit
 * @param reason in the user's units, e.g. {@code expected "billing" but got "refund"}
 */
public record Score(String scorer, double value, Outcome outcome, String reason) {

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
