package dev.evalgate.gate;

import dev.evalgate.stats.Interval;

/** Which side of a limit is good: a MINIMUM for pass rates, a MAXIMUM for latency, cost and error rates. */
public enum Bound {
    MINIMUM("minimum"),
    MAXIMUM("maximum");

    private final String word;

    Bound(String word) {
        this.word = word;
    }

    /** The word used in messages: "minimum" or "maximum". */
    public String word() {
        return word;
    }

    /** True when {@code value} is on the good side of {@code limit}, the limit itself included. */
    public boolean admits(double value, double limit) {
        return this == MINIMUM ? value >= limit : value <= limit;
    }

    /** The end of {@code interval} that is worse for this bound: the lower end of a minimum. */
    public double worseEnd(Interval interval) {
        return this == MINIMUM ? interval.lower() : interval.upper();
    }

    /** The end of {@code interval} that is better for this bound: the upper end of a minimum. */
    public double betterEnd(Interval interval) {
        return this == MINIMUM ? interval.upper() : interval.lower();
    }
}
