package dev.evalgate.cost;

import dev.evalgate.target.TokenUsage;

/**
 * What one call to a target costs, in US dollars: per million input and output tokens, plus a fixed amount per
 * request. A null part is not priced.
 *
 * <p>A cost that cannot be worked out is {@code null}, never 0: a free model and an unpriced one must not look
 * the same in a report.
 */
public record Price(Double inputPerMtok, Double outputPerMtok, Double perRequest) {

    private static final double MILLION = 1_000_000.0;

    public Price {
        check("inputPerMtok", inputPerMtok);
        check("outputPerMtok", outputPerMtok);
        check("perRequest", perRequest);
    }

    public static Price perMtok(double input, double output) {
        return new Price(input, output, null);
    }

    public static Price perRequest(double amount) {
        return new Price(null, null, amount);
    }

    /** True when at least one part is priced; an all-null price knows nothing. */
    public boolean known() {
        return inputPerMtok != null || outputPerMtok != null || perRequest != null;
    }

    /**
     * The cost of one call, or null when unknown: nothing is priced; tokens are priced but the target reported no
     * usage; or the call used input (output) tokens whose price is not set. A per-request-only price needs no usage.
     */
    public Double cost(TokenUsage usage) {
        if (!known()) {
            return null;
        }
        double total = perRequest == null ? 0 : perRequest;
        if (inputPerMtok == null && outputPerMtok == null) {
            return total;
        }
        if (usage == null) {
            return null;
        }
        Double input = part(usage.input(), inputPerMtok);
        Double output = part(usage.output(), outputPerMtok);
        return input == null || output == null ? null : total + input + output;
    }

    private static Double part(long tokens, Double perMtok) {
        if (tokens == 0) {
            return 0.0;
        }
        return perMtok == null ? null : tokens * perMtok / MILLION;
    }

    private static void check(String name, Double value) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be a finite amount >= 0, but is " + value);
        }
    }
}
