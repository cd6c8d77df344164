package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a suite's {@code scorers:} list into configured scorers.
 *
 * <p>Each item is a bare id ({@code - label}), an id with options ({@code - equals: { normalize: [trim] }}) or an
 * id with one value, shorthand for {@code { value: ... }} ({@code - regex: "^A"}, {@code - contains: [a, b]}).
 */
public final class ScorerSpecs {

    private static final String FORMS = "Write each scorer as its own list item in one of these forms: "
            + "'- label' (a name), '- equals: { normalize: [trim] }' (a name with options) or "
            + "'- regex: \"^A\"' (a name with one value).";

    private ScorerSpecs() {
    }

    public static List<ConfiguredScorer> parse(ConfigNode scorersNode, Scorers registry) {
        List<ConfigNode> items = scorersNode instanceof ConfigNode.Scalar s && s.isNull()
                ? List.of() : Options.items(scorersNode);
        if (items.isEmpty()) {
            throw scorersNode.error("must list at least one scorer, e.g. 'scorers: [ { equals: { normalize: "
                    + "[trim, lowercase] } } ]'");
        }
        List<ConfiguredScorer> out = new ArrayList<>(items.size());
        Map<String, ConfigNode> named = new java.util.HashMap<>();
        for (ConfigNode item : items) {
            ConfiguredScorer scorer = parseItem(item, registry);
            if (scorer.scorer().name() != null && named.putIfAbsent(scorer.id(), item) != null) {
                // two scorers whose scores carry one id could not be told apart in reports, labels or calibration
                throw item.error("is a second scorer named '" + scorer.id() + "' (the first is at line "
                        + named.get(scorer.id()).line() + "); give each its own 'name:', e.g. name: tone");
            }
            out.add(scorer);
        }
        return List.copyOf(out);
    }

    private static ConfiguredScorer parseItem(ConfigNode item, Scorers registry) {
        String id;
        ConfigNode.Mapping options;
        if (item instanceof ConfigNode.Scalar s && !s.isNull() && !s.value().isBlank()) {
            id = s.value().trim();
            options = ConfigNode.Mapping.empty(s.file(), s.line(), s.path() + "." + id);
        } else if (item instanceof ConfigNode.Mapping m && m.entries().size() == 1) {
            Map.Entry<String, ConfigNode> entry = m.entries().entrySet().iterator().next();
            id = entry.getKey();
            options = options(entry.getValue());
        } else {
            throw item.error("is " + shape(item) + ", which is not a scorer. " + FORMS);
        }
        ScorerKind kind = registry.get(id, item);
        Options reader = new Options(options);
        Scorer scorer = kind.create(reader);
        reader.done();
        String shown = scorer.name() != null ? scorer.name() : id;
        return new ConfiguredScorer(shown, scorer, kind.classification(), spec(id, options));
    }

    /** The options mapping, turning a single value into {@code { value: ... }}. */
    private static ConfigNode.Mapping options(ConfigNode value) {
        return switch (value) {
            case ConfigNode.Mapping m -> m;
            case ConfigNode.Scalar s when s.isNull() -> ConfigNode.Mapping.empty(s.file(), s.line(), s.path());
            default -> new ConfigNode.Mapping(value.file(), value.line(), value.path(), Map.of("value", value));
        };
    }

    private static String shape(ConfigNode item) {
        return switch (item) {
            case ConfigNode.Mapping m when m.entries().isEmpty() -> "an empty mapping";
            case ConfigNode.Mapping m -> "a mapping with " + m.entries().size() + " keys ("
                    + String.join(", ", m.entries().keySet()) + ")";
            default -> item.describe();
        };
    }

    /** {@code id} alone, or {@code id{key=value, ...}} with secrets masked. */
    static String spec(String id, ConfigNode.Mapping options) {
        return options.entries().isEmpty() ? id : id + text(options);
    }

    private static String text(ConfigNode node) {
        return switch (node) {
            case ConfigNode.Scalar s -> s.isNull() ? "null" : s.shown();
            case ConfigNode.Sequence seq -> {
                List<String> parts = new ArrayList<>();
                seq.items().forEach(i -> parts.add(text(i)));
                yield "[" + String.join(", ", parts) + "]";
            }
            case ConfigNode.Mapping m -> {
                List<String> parts = new ArrayList<>();
                m.entries().forEach((k, v) -> parts.add(k + "=" + text(v)));
                yield "{" + String.join(", ", parts) + "}";
            }
        };
    }
}
