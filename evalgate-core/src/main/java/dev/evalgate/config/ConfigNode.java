package dev.evalgate.config;

import dev.evalgate.error.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from a YAML file that remembers where it came from, so every error can name file, line and key.
 *
 * <p>{@link #path()} is the dotted key path ({@code targets[1].model}); {@link #line()} is 1-based.
 */
public sealed interface ConfigNode {

    String file();

    int line();

    String path();

    /** A name for what this node is, used in messages: "a text", "a list", "a mapping". */
    String describe();

    /** An error at this node: {@code file:line: key 'path' <message>}. */
    default ConfigException error(String message) {
        return ConfigException.at(file(), line(), "key '" + path() + "' " + message);
    }

    /**
     * A scalar. {@code secret} is true when its value came from an environment variable, so it is never printed.
     */
    record Scalar(String file, int line, String path, String value, boolean secret) implements ConfigNode {
        public boolean isNull() {
            return value == null;
        }

        @Override
        public String describe() {
            return value == null ? "empty" : "a single value";
        }

        /** The value as it may be shown to a user: secrets are masked. */
        public String shown() {
            return secret ? "***" : value;
        }
    }

    record Sequence(String file, int line, String path, List<ConfigNode> items) implements ConfigNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    record Mapping(String file, int line, String path, Map<String, ConfigNode> entries) implements ConfigNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        public static Mapping empty(String file, int line, String path) {
            return new Mapping(file, line, path, Map.of());
        }
    }
}
