package dev.evalgate.stats;

/**
 * A closed range {@code [lower, upper]} of plausible values for an estimate.
 *
 * <p>NaN bounds mean "no data" (see {@link #isEmpty}); an infinite bound means that side is unbounded, as when
 * too few observations exist to pin an order statistic.
 */
public record Interval(double lower, double upper) {

    private static final Interval EMPTY = new Interval(Double.NaN, Double.NaN);

    public Interval {
        if (Double.isNaN(lower) != Double.isNaN(upper)) {
            throw new IllegalArgumentException("interval bounds must both be NaN or both be numbers, got ["
                    + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("interval lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    /** The interval that says "no data": both bounds NaN. */
    public static Interval empty() {
        return EMPTY;
    }

    /** True when there was no data to estimate from. */
    public boolean isEmpty() {
        return Double.isNaN(lower);
    }

    /** True when {@code value} lies within the bounds, ends included; never true for the empty interval. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** {@code upper - lower}; NaN when empty, infinite when a side is unbounded. */
    public double width() {
        return upper - lower;
    }

    /** This interval narrowed to {@code [min, max]}, for estimates whose true value cannot leave that range. */
    public Interval clip(double min, double max) {
        if (isEmpty()) {
            return this;
        }
        return new Interval(Math.min(Math.max(lower, min), max), Math.max(Math.min(upper, max), min));
    }
}
