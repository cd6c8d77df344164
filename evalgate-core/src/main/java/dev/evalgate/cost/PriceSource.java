package dev.evalgate.cost;

import dev.evalgate.target.TokenUsage;

/**
 * The price a target is charged at and where it came from, recorded with each run.
 *
 * @param price  null when no price is known
 * @param origin {@code "price table 2026-11-01: gpt-4o-mini"}, {@code "config"} or {@code "unknown"}
 */
public record PriceSource(Price price, String origin) {

    public static final String CONFIG = "config";
    public static final String UNKNOWN = "unknown";

    public static PriceSource unknown() {
        return new PriceSource(null, UNKNOWN);
    }

    public boolean known() {
        return price != null;
    }

    /** The cost of one call, or null when the price or the usage it needs is unknown. */
    public Double cost(TokenUsage usage) {
        return price == null ? null : price.cost(usage);
    }
}
