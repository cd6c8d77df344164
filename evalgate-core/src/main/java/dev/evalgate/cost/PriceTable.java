package dev.evalgate.cost;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dated table of list prices per model, read from {@code prices.yaml}; its {@link #version()} is recorded with
 * every run so a cost change caused by new prices is not mistaken for one caused by the candidate.
 *
 * <p>A model resolves to its exact entry, or else to the longest entry that is a prefix of it followed by a
 * separator ({@code - @ : _ /}), so {@code gpt-4o-mini-2024-07-18} is {@code gpt-4o-mini}, and
 * {@code gpt-4o-mini} never falls back to {@code gpt-4o}. Names compare without regard to case.
 */
public final class PriceTable {

    private static final String RESOURCE = "prices.yaml";
    private static final String SEPARATORS = "-@:_/";

    private final String version;
    private final String currency;
    private final Map<String, Price> prices;

    private PriceTable(String version, String currency, Map<String, Price> prices) {
        this.version = version;
        this.currency = currency;
        this.prices = Map.copyOf(prices);
    }

    /** The table shipped with evalgate, read once. */
    public static PriceTable builtIn() {
        return BuiltIn.TABLE;
    }

    private static final class BuiltIn {
        static final PriceTable TABLE = load();

        private static PriceTable load() {
            try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in price table " + RESOURCE + " is not in the jar");
                }
                return parse("built-in " + RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads a table in the format of the built-in one; {@code file} names it in error messages. */
    public static PriceTable parse(String file, String yaml) {
        Options root = Options.of(YamlTree.parse(file, yaml, Interpolator.of(Map.of())));
        String version = root.requiredString("version", "the date the prices were checked, e.g. 2026-11-01");
        String currency = root.requiredString("currency", "USD");
        if (!currency.equals("USD")) {
            throw root.node("currency").orElseThrow().error("must be USD, the currency every cost is reported in");
        }
        String unit = root.string("unit", "per million tokens");
        if (!unit.equals("per million tokens")) {
            throw root.node("unit").orElseThrow().error("must be 'per million tokens'; convert the prices to it");
        }
        ConfigNode models = root.required("models", "a mapping of model names to { input: .., output: .. }");
        if (!(models instanceof ConfigNode.Mapping mapping)) {
            throw models.error("must be a mapping of model names to { input: .., output: .. }, but is "
                    + models.describe());
        }
        Map<String, Price> prices = new LinkedHashMap<>();
        mapping.entries().forEach((name, entry) -> {
            Options o = Options.of(entry);
            if (!o.has("input") || !o.has("output")) {
                throw ConfigException.at(entry.file(), entry.line(), "model '" + name
                        + "' needs both 'input' and 'output' prices per million tokens");
            }
            Price price = new Price(Pricing.amount(o, "input").orElseThrow(), Pricing.amount(o, "output").orElseThrow(),
                    Pricing.amount(o, "per_request").orElse(null));
            o.done();
            if (prices.put(name.toLowerCase(Locale.ROOT), price) != null) {
                throw entry.error("repeats model '" + name + "' (names compare without case); keep one");
            }
        });
        root.done();
        return new PriceTable(version, currency, prices);
    }

    /** The table's date, e.g. {@code 2026-11-01}. */
    public String version() {
        return version;
    }

    public String currency() {
        return currency;
    }

    public Set<String> models() {
        return prices.keySet();
    }

    /** The price of the entry {@code model} resolves to, if any. */
    public Optional<Price> find(String model) {
        return resolve(model).map(prices::get);
    }

    /** The table entry {@code model} resolves to: its exact name, or the longest prefix ending at a separator. */
    public Optional<String> resolve(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String key = model.strip().toLowerCase(Locale.ROOT);
        if (prices.containsKey(key)) {
            return Optional.of(key);
        }
        String best = null;
        for (String name : prices.keySet()) {
            if (key.length() > name.length() && key.startsWith(name)
                    && SEPARATORS.indexOf(key.charAt(name.length())) >= 0
                    && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return Optional.ofNullable(best);
    }
}
