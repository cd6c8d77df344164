package dev.evalgate.baselines.similarity;

import dev.evalgate.dataset.Case;
import dev.evalgate.score.Score;

import java.util.Locale;

/** How the similarity scorers render texts and numbers inside reasons: short, on one line, two decimals. */
final class Shown {

    /** Long texts are cut so a report row stays readable; the full output is stored next to the score. */
    private static final int MAX_SHOWN = 60;

    private Shown() {
    }

    /** The text in double quotes, line breaks and quotes escaped, cut after {@value #MAX_SHOWN} characters. */
    static String quote(String text) {
        String flat = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
        return '"' + (flat.length() > MAX_SHOWN ? flat.substring(0, MAX_SHOWN) + "…" : flat) + '"';
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The ERROR for a case with no expected answer, which both scorers compare against. */
    static Score noExpected(String scorer, Case kase) {
        String where = kase.source() == null || kase.source().equals(kase.id())
                ? "case '" + kase.id() + "'" : "case '" + kase.id() + "' (" + kase.source() + ")";
        return Score.error(scorer, where + " has no expected answer, which " + scorer
                + " compares against. Add 'expected' to the case.");
    }

    /** PASS or FAIL by threshold, with the reason {@code <measure> 0.73 to "answer" is below|at least 0.80}. */
    static Score judged(String scorer, String measure, double value, String answer, double threshold) {
        String comparison = value >= threshold ? " is at least " : " is below ";
        return Score.of(scorer, value, threshold, measure + " " + number(value) + " to " + quote(answer)
                + comparison + number(threshold));
    }
}
