package dev.evalgate.cost;

import dev.evalgate.config.Options;

import java.util.Optional;

/**
 * Decides the price of a target: its own {@code input_per_mtok}, {@code output_per_mtok} and {@code per_request}
 * options when any is set, otherwise the price table's entry for its model, otherwise unknown.
 *
 * <p>Config replaces the table entry as a whole rather than field by field: a target that sets only
 * {@code per_request} is a per-call service, not a table model with a surcharge.
 */
public final class Pricing {

    static final String INPUT = "input_per_mtok";
    static final String OUTPUT = "output_per_mtok";
    static final String PER_REQUEST = "per_request";

    private Pricing() {
    }

    /** Reads the target's price options (marking them as known keys) and falls back to the built-in table. */
    public static PriceSource forTarget(Options targetOptions, String model) {
        return forTarget(targetOptions, model, PriceTable.builtIn());
    }

    public static PriceSource forTarget(Options targetOptions, String model, PriceTable table) {
        Optional<Double> input = amount(targetOptions, INPUT);
        Optional<Double> output = amount(targetOptions, OUTPUT);
        Optional<Double> perRequest = amount(targetOptions, PER_REQUEST);
        if (input.isPresent() || output.isPresent() || perRequest.isPresent()) {
            return new PriceSource(new Price(input.orElse(null), output.orElse(null), perRequest.orElse(null)),
                    PriceSource.CONFIG);
        }
        if (model == null || model.isBlank()) {
            return PriceSource.unknown();
        }
        return table.resolve(model)
                .map(name -> new PriceSource(table.find(name).orElseThrow(),
                        "price table " + table.version() + ": " + name))
                .orElseGet(PriceSource::unknown);
    }

    /** A dollar amount >= 0, with a message that says so instead of quoting a numeric range. */
    static Optional<Double> amount(Options options, String key) {
        return options.scalar(key).map(s -> {
            double value;
            try {
                value = Double.parseDouble(s.value().trim());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!(value >= 0 && Double.isFinite(value))) {
                throw s.error("must be an amount in US dollars of 0 or more, such as 0.15, but is '" + s.shown() + "'");
            }
            return value;
        });
    }
}
