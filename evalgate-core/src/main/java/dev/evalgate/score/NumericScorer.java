package dev.evalgate.score;

import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code numeric} scorer: the first number in the output must be within a tolerance of the expected number.
 *
 * <p>How the output is read: the first run of digits counts, with an optional decimal part and exponent
 * ({@code 3.5}, {@code .5}, {@code 2e-3}); commas group thousands only in groups of exactly three
 * ({@code 1,234.5} is 1234.5, but {@code 1,2} is 1); a {@code -} or {@code +} directly before the digits is
 * the sign unless it follows a letter or digit ({@code "answer: -4"} is -4, {@code "COVID-19"} is 19).
 * Currency symbols and units around the number are ignored. The expected answer must be a number as a whole.
 *
 * <p>It passes when {@code |got - expected| <= max(abs_tol, rel_tol * max(|got|, |expected|))}; defaults are
 * {@code abs_tol: 0} and {@code rel_tol: 1e-9}, i.e. equal up to floating-point noise.
 */
record NumericScorer(double absTol, double relTol) implements Scorer {

    /** True: it compares against each case's expected answer. */
    @Override
    public boolean needsExpected() {
        return true;
    }

    static final String ID = "numeric";

    private static final Pattern NUMBER = Pattern.compile(
            "(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?");

    @Override
    public Score score(Case kase, String output) {
        List<String> answers = kase.expected().answers();
        if (answers.isEmpty()) {
            return Texts.noExpected(ID, kase, "Add the expected number to the case.");
        }
        Double got = firstNumber(output);
        if (got == null) {
            return Score.fail(ID, "no number in output " + Texts.quote(output));
        }
        Double nearest = null;
        for (String answer : answers) {
            Double expected = wholeNumber(answer);
            if (expected == null) {
                return Score.error(ID, Texts.caseName(kase) + " expects " + Texts.quote(answer)
                        + ", which is not a number; numeric needs a number such as 42 or 3.5 as the expected answer.");
            }
            if (Math.abs(got - expected) <= Math.max(absTol, relTol * Math.max(Math.abs(got), Math.abs(expected)))) {
                return Score.pass(ID, "got " + format(got) + ", expected " + format(expected) + tolerance());
            }
            if (nearest == null || Math.abs(got - expected) < Math.abs(got - nearest)) {
                nearest = expected;
            }
        }
        return Score.fail(ID, "expected " + format(nearest) + tolerance() + " but got " + format(got));
    }

    private String tolerance() {
        if (absTol > 0 && relTol > 1e-9) {
            return " (± " + format(absTol) + " or " + format(relTol * 100) + "%)";
        }
        if (absTol > 0) {
            return " (± " + format(absTol) + ")";
        }
        return relTol > 1e-9 ? " (± " + format(relTol * 100) + "%)" : "";
    }

    /** The first number in free text, as described in the class comment; null when there is none. */
    static Double firstNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return null;
        }
        double value = Double.parseDouble(m.group().replace(",", ""));
        int start = m.start();
        if (start > 0) {
            char sign = text.charAt(start - 1);
            boolean attached = start > 1 && Character.isLetterOrDigit(text.charAt(start - 2));
            if ((sign == '-' || sign == '\u2212') && !attached) {
                value = -value;
            }
        }
        return value;
    }

    /** The text as one number (surrounding spaces allowed), or null. */
    static Double wholeNumber(String text) {
        String t = text.strip();
        Double value = firstNumber(t);
        if (value == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(t);
        m.find();
        int start = m.start();
        boolean signed = start == 1 && (t.charAt(0) == '-' || t.charAt(0) == '+' || t.charAt(0) == '\u2212');
        return (start == 0 || signed) && m.end() == t.length() ? value : null;
    }

    /** A plain rendering without exponent or trailing zeros for everyday magnitudes. */
    static String format(double value) {
        double abs = Math.abs(value);
        if (Double.isFinite(value) && (abs == 0 || abs >= 1e-6 && abs < 1e15)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value);
    }

    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            double abs = options.number("abs_tol", 0, Double.MAX_VALUE).orElse(0.0);
            double rel = options.number("rel_tol", 0, 1).orElse(1e-9);
            return new NumericScorer(abs, rel);
        }
    }
}
