package dev.evalgate.cli;

import dev.evalgate.stats.Interval;

import java.util.Locale;

/** How the history commands write numbers: rates as percentages, differences in points, ms, dollars, p-values. */
final class Figures {

    private Figures() {
    }

    static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A rate interval in percent, e.g. {@code [55.8, 68.0]}. */
    static String percentInterval(Interval i) {
        return i == null || i.isEmpty() ? "-"
                : String.format(Locale.ROOT, "[%.1f, %.1f]", i.lower() * 100, i.upper() * 100);
    }

    /** A difference of rates in percentage points, signed: {@code -10.0 pp}. */
    static String points(double difference) {
        return Double.isNaN(difference) ? "-" : String.format(Locale.ROOT, "%+.1f pp", difference * 100);
    }

    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
                : ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    static String ratio(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String ratioInterval(Interval i) {
        return i == null || i.isEmpty() ? "-" : String.format(Locale.ROOT, "[%.3f, %.3f]", i.lower(), i.upper());
    }

    static String usd(Double usd) {
        if (usd == null || usd.isNaN()) {
            return "unknown";
        }
        if (usd == 0) {
            return "$0";
        }
        return usd >= 0.01 ? String.format(Locale.ROOT, "$%.4f", usd) : String.format(Locale.ROOT, "$%.6f", usd);
    }

    static String p(double value) {
        return Double.isNaN(value) ? "-" : value < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Whitespace runs folded to one space, cut to at most {@code max} characters. */
    static String line(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > max ? line.substring(0, max - 1) + "…" : line;
    }

    /** One line of user text, quoted. */
    static String quoted(String text, int max) {
        return text == null ? "(not kept)" : "\"" + line(text, max) + "\"";
    }
}
