package dev.evalgate.report;

import dev.evalgate.stats.Interval;

import java.time.Duration;
import java.util.Locale;

/** How numbers read in text reports: percentages with one decimal, milliseconds, dollars with enough digits. */
final class Format {

    private Format() {
    }

    static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String interval(Interval i) {
        if (i == null || Double.isNaN(i.lower()) || Double.isNaN(i.upper())) {
            return "-";
        }
        return String.format(Locale.ROOT, "[%.1f, %.1f]", i.lower() * 100, i.upper() * 100);
    }

    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        if (ms >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    static String millisInterval(Interval i) {
        String upper = Double.isInfinite(i.upper()) || Double.isNaN(i.upper()) ? "unbounded" : millis(i.upper());
        return "[" + millis(i.lower()) + ", " + upper + "]";
    }

    static String usd(double usd) {
        if (usd == 0) {
            return "$0";
        }
        return usd >= 0.01 ? String.format(Locale.ROOT, "$%.4f", usd) : String.format(Locale.ROOT, "$%.6f", usd);
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000.0)
                : ms < 120_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
                : String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }

    /** One line, at most {@code max} characters, quoted. */
    static String clip(String text, int max) {
        return "\"" + line(text, max) + "\"";
    }

    /** Whitespace runs folded to one space, cut to at most {@code max} characters. */
    static String line(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > max ? line.substring(0, max - 1) + "…" : line;
    }
}
