package dev.evalgate.config;

import dev.evalgate.error.ConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads from one YAML mapping, with errors that name file, line and key.
 *
 * <p>Every key read is remembered; {@link #done()} rejects the keys nobody asked for and suggests the nearest
 * valid one, so a typo such as {@code concurency} is reported instead of silently ignored.
 */
public final class Options {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private final ConfigNode.Mapping node;
    private final Set<String> known = new LinkedHashSet<>();

    public Options(ConfigNode.Mapping node) {
        this.node = node;
    }

    /** Reads {@code node} as a mapping, or fails naming what was found instead. */
    public static Options of(ConfigNode node) {
        if (node instanceof ConfigNode.Mapping mapping) {
            return new Options(mapping);
        }
        throw node.error("must be a mapping of keys to values, but is " + node.describe());
    }

    public ConfigNode.Mapping node() {
        return node;
    }

    /** Declares keys that are valid here even though this reader does not read them. */
    public Options allow(String... keys) {
        known.addAll(List.of(keys));
        return this;
    }

    public boolean has(String key) {
        known.add(key);
        ConfigNode value = node.entries().get(key);
        return value != null && !(value instanceof ConfigNode.Scalar s && s.isNull());
    }

    public Optional<ConfigNode> node(String key) {
        known.add(key);
        ConfigNode value = node.entries().get(key);
        if (value == null || value instanceof ConfigNode.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The value of a key that must be there; when it is missing, a misspelling of it is named first. */
    public ConfigNode required(String key, String hint) {
        return node(key).orElseThrow(() -> missing(key, hint));
    }

    private ConfigException missing(String key, String hint) {
        String required = "key '" + childPath(key) + "' is required" + (hint.isEmpty() ? "" : ": " + hint);
        for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
            String other = entry.getKey();
            // a key nobody has read that is one typo away is far likelier the answer than a missing key
            if (!known.contains(other) && Suggest.nearest(other, List.of(key)) != null) {
                return ConfigException.at(entry.getValue().file(), entry.getValue().line(), "unknown key '"
                        + childPath(other) + "'. Did you mean '" + key + "'? (" + required + ")");
            }
        }
        return ConfigException.at(node.file(), node.line(), required);
    }

    public Optional<ConfigNode.Scalar> scalar(String key) {
        return node(key).map(value -> {
            if (value instanceof ConfigNode.Scalar s) {
                return s;
            }
            throw value.error("must be a single value, but is " + value.describe());
        });
    }

    public Optional<String> string(String key) {
        return scalar(key).map(ConfigNode.Scalar::value);
    }

    public String requiredString(String key, String hint) {
        ConfigNode value = required(key, hint);
        if (value instanceof ConfigNode.Scalar s) {
            return s.value();
        }
        throw value.error("must be a single value, but is " + value.describe());
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public Optional<Integer> integer(String key, int min, int max) {
        return scalar(key).map(s -> {
            try {
                int value = Integer.parseInt(s.value().trim());
                if (value < min || value > max) {
                    throw s.error("must be between " + min + " and " + max + ", but is " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw s.error("must be a whole number, but is '" + s.shown() + "'");
            }
        });
    }

    public Optional<Double> number(String key, double min, double max) {
        return scalar(key).map(s -> {
            try {
                double value = Double.parseDouble(s.value().trim());
                if (!(value >= min && value <= max)) {
                    throw s.error("must be between " + min + " and " + max + ", but is " + s.value().trim());
                }
                return value;
            } catch (NumberFormatException e) {
                throw s.error("must be a number, but is '" + s.shown() + "'");
            }
        });
    }

    public Optional<Boolean> bool(String key) {
        return scalar(key).map(s -> switch (s.value().trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw s.error("must be true or false, but is '" + s.shown() + "'");
        });
    }

    /** A duration such as {@code 30s}, {@code 250ms}, {@code 2m}; a bare number means seconds. */
    public Optional<Duration> duration(String key) {
        return scalar(key).map(s -> parseDuration(s));
    }

    /** A duration that must be longer than zero, such as a timeout (zero would silently mean no limit). */
    public Optional<Duration> positiveDuration(String key, String example) {
        return scalar(key).map(s -> {
            Duration value = parseDuration(s);
            if (value.isZero()) {
                throw s.error("must be longer than 0, such as " + example + ", but is '" + s.shown() + "'");
            }
            return value;
        });
    }

    public static Duration parseDuration(ConfigNode.Scalar s) {
        Matcher m = DURATION.matcher(s.value().trim());
        if (!m.matches()) {
            throw s.error("must be a duration such as 30s, 250ms or 2m, but is '" + s.shown() + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = Math.round(amount * switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        });
        return Duration.ofMillis(millis);
    }

    /** A list of single values; a single value is read as a list of one. */
    public List<String> strings(String key) {
        Optional<ConfigNode> value = node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : items(value.get())) {
            if (!(item instanceof ConfigNode.Scalar s) || s.isNull()) {
                throw item.error("must be a single value, but is " + item.describe());
            }
            out.add(s.value());
        }
        return out;
    }

    /** A mapping of names to single values, such as HTTP headers. */
    public Map<String, ConfigNode.Scalar> stringMap(String key) {
        Optional<ConfigNode> value = node(key);
        if (value.isEmpty()) {
            return Map.of();
        }
        if (!(value.get() instanceof ConfigNode.Mapping map)) {
            throw value.get().error("must be a mapping of names to values, but is " + value.get().describe());
        }
        Map<String, ConfigNode.Scalar> out = new LinkedHashMap<>();
        map.entries().forEach((name, item) -> {
            if (!(item instanceof ConfigNode.Scalar s)) {
                throw item.error("must be a single value, but is " + item.describe());
            }
            out.put(name, s);
        });
        return out;
    }

    public static List<ConfigNode> items(ConfigNode node) {
        return node instanceof ConfigNode.Sequence seq ? seq.items() : List.of(node);
    }

    /** Fails on the first key that no reader asked for, suggesting the nearest valid key. */
    public void done() {
        for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                String key = entry.getKey();
                String nearest = Suggest.nearest(key, known);
                String fix = nearest == null
                        ? "Valid keys here: " + String.join(", ", known) + "."
                        : "Did you mean '" + nearest + "'? Valid keys here: " + String.join(", ", known) + ".";
                throw ConfigException.at(entry.getValue().file(), entry.getValue().line(),
                        "unknown key '" + childPath(key) + "'. " + fix);
            }
        }
    }

    private String childPath(String key) {
        return node.path().isEmpty() ? key : node.path() + "." + key;
    }
}
