package dev.evalgate.tools;

/**
 * A call a case expects: the pattern it must match and how many times.
 *
 * @param times   the number of matching calls required
 * @param atLeast whether more than {@code times} matching calls are fine; otherwise exactly {@code times}
 */
public record ExpectedCall(CallPattern pattern, int times, boolean atLeast) {

    /** How the count reads in a reason: {@code exactly 2}, {@code at least 1}. */
    String count() {
        return (atLeast ? "at least " : "exactly ") + times;
    }
}
