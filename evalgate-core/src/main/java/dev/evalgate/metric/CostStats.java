package dev.evalgate.metric;

/**
 * What a target's calls cost in US dollars.
 *
 * <p>A total is only stated when every call's cost is known: a partial sum would read as a (too low) total and
 * flatter the candidate in a cost gate. So any unknown call makes {@code totalUsd}, {@code perRequestUsd} and
 * {@code per1000Usd} null — unknown, never 0.
 *
 * @param perRequestUsd        total per call; null also when there were no calls
 * @param per1000Usd           total per 1,000 calls
 * @param callsWithUnknownCost calls whose cost was not known
 * @param knownUsd             the sum over calls with a known cost, a lower bound when some are unknown
 */
public record CostStats(Double totalUsd, Double perRequestUsd, Double per1000Usd, long callsWithUnknownCost,
                        double knownUsd) {

    /** The cost summary of {@code calls} calls, {@code unknown} of them without a cost, the rest summing to knownUsd. */
    public static CostStats of(double knownUsd, long calls, long unknown) {
        if (unknown > 0) {
            return new CostStats(null, null, null, unknown, knownUsd);
        }
        if (calls == 0) {
            return new CostStats(0.0, null, null, 0, 0);
        }
        double perRequest = knownUsd / calls;
        return new CostStats(knownUsd, perRequest, perRequest * 1000, 0, knownUsd);
    }

    /** True when every call's cost was known. */
    public boolean known() {
        return totalUsd != null;
    }
}
