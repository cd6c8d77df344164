package dev.evalgate.gate;

import dev.evalgate.stats.Interval;

import java.util.Locale;

/**
 * The decided outcome of one limit on one measure, with the evidence and a one-line message for the user.
 *
 * <p>Messages follow one template so every threshold reads alike (JaCoCo's {@code Limit}); numbers print with
 * three decimals, an interval end that does not exist as {@code unbounded}:
 * <ul>
 * <li>FAIL: {@code "<scope> <measure> is <actual>, but expected <minimum|maximum> is <limit>"}, with
 *     {@code " (interval <lower> to <upper>)"} appended when the point estimate itself is within the limit, so
 *     the reader sees why it failed;</li>
 * <li>PASS: {@code "<scope> <measure> is <actual>, within <minimum|maximum> <limit>"};</li>
 * <li>PASS_WITH_WARNING: the PASS line followed by {@code ", but significantly worse than baseline"};</li>
 * <li>INCONCLUSIVE: {@code "<scope> <measure> is <actual>, inconclusive against <minimum|maximum> <limit>
 *     (interval <lower> to <upper>)"}.</li>
 * </ul>
 *
 * @param actual   the point estimate, in the measure's units
 * @param interval the interval the verdict was decided on
 * @param limit    the configured budget, or for a margin the worst acceptable value of the comparison
 */
public record GateCheck(String scope, String measure, double actual, Interval interval, Bound bound, double limit,
        Verdict verdict, String message) {

    /** A check whose message is written from the template for its verdict. */
    public static GateCheck of(String scope, String measure, double actual, Interval interval, Bound bound,
            double limit, Verdict verdict) {
        return new GateCheck(scope, measure, actual, interval, bound, limit, verdict,
                message(scope, measure, actual, interval, bound, limit, verdict));
    }

    static String message(String scope, String measure, double actual, Interval interval, Bound bound,
            double limit, Verdict verdict) {
        String head = scope + " " + measure + " is " + number(actual);
        String within = head + ", within " + bound.word() + " " + number(limit);
        String range = " (interval " + number(interval.lower()) + " to " + number(interval.upper()) + ")";
        return switch (verdict) {
            case PASS -> within;
            case PASS_WITH_WARNING -> within + ", but significantly worse than baseline";
            case INCONCLUSIVE -> head + ", inconclusive against " + bound.word() + " " + number(limit) + range;
            case FAIL -> head + ", but expected " + bound.word() + " is " + number(limit)
                    + (bound.admits(actual, limit) ? range : "");
        };
    }

    private static String number(double value) {
        if (Double.isInfinite(value)) {
            // an order-statistic interval over too few cases has no upper end: say so instead of "Infinity"
            return value > 0 ? "unbounded" : "-unbounded";
        }
        if (Double.isNaN(value)) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
