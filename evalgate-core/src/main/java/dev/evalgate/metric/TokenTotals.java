package dev.evalgate.metric;

/**
 * Tokens summed over the calls whose target reported usage.
 *
 * @param callsWithoutUsage calls that reported no usage; the totals undercount when this is above 0
 */
public record TokenTotals(long input, long output, long callsWithoutUsage) {

    /** True when every call reported its tokens. */
    public boolean complete() {
        return callsWithoutUsage == 0;
    }

    /** {@code tokens unknown for N calls}, or null when every call reported usage. */
    public String note() {
        return complete() ? null : "tokens unknown for " + callsWithoutUsage + " call"
                + (callsWithoutUsage == 1 ? "" : "s");
    }
}
