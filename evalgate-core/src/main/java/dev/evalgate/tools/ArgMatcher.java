package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule one argument of a tool call must satisfy: an exact value, a regex, a number range, a JSON Schema
 * fragment, or anything at all (but present).
 *
 * <p>Written in a case as the argument's value: a plain value is exact; a mapping with only {@code regex}, only
 * {@code min}/{@code max}, only {@code schema}, only {@code any: true} or only {@code equals} is that rule.
 */
public sealed interface ArgMatcher {

    /** Why {@code actual} (null when the argument is absent) does not satisfy the rule, or empty when it does. */
    Optional<String> mismatch(String name, JsonNode actual);

    /** Reads the rule written for one argument; throws IllegalArgumentException naming what is wrong. */
    static ArgMatcher parse(String name, JsonNode node) {
        if (node.isObject() && node.size() > 0) {
            Set<String> keys = new java.util.HashSet<>();
            node.fieldNames().forEachRemaining(keys::add);
            if (keys.equals(Set.of("regex"))) {
                try {
                    return new Regex(Pattern.compile(node.get("regex").asText()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("argument '" + name + "': regex is not valid: "
                            + e.getDescription());
                }
            }
            if (Set.of("min", "max").containsAll(keys)) {
                for (String k : keys) {
                    if (!node.get(k).isNumber()) {
                        throw new IllegalArgumentException("argument '" + name + "': " + k + " must be a number");
                    }
                }
                return new Range(node.has("min") ? node.get("min").doubleValue() : null,
                        node.has("max") ? node.get("max").doubleValue() : null);
            }
            if (keys.equals(Set.of("schema"))) {
                Schemas.compile(node.get("schema"));
                return new Schema(node.get("schema"));
            }
            if (keys.equals(Set.of("any"))) {
                return new Any();
            }
            if (keys.equals(Set.of("equals"))) {
                return new Exact(node.get("equals"));
            }
        }
        return new Exact(node);
    }

    /** Equal JSON values; numbers compare by value, so 5 equals 5.0. */
    record Exact(JsonNode value) implements ArgMatcher {
        private static final Comparator<JsonNode> NUMBERS = (a, b) -> a.isNumber() && b.isNumber()
                ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1;

        @Override
        public Optional<String> mismatch(String name, JsonNode actual) {
            if (actual == null) {
                return Optional.of("no " + name + ", but expected " + value);
            }
            return value.equals(NUMBERS, actual) ? Optional.empty()
                    : Optional.of(name + " " + actual + ", but expected " + value);
        }
    }

    /** A text the pattern finds a match in (anchor it with ^...$ for the whole value). */
    record Regex(Pattern pattern) implements ArgMatcher {
        @Override
        public Optional<String> mismatch(String name, JsonNode actual) {
            if (actual == null) {
                return Optional.of("no " + name + ", but expected it to match /" + pattern + "/");
            }
            String text = actual.isTextual() ? actual.textValue() : actual.toString();
            return pattern.matcher(text).find() ? Optional.empty()
                    : Optional.of(name + " " + actual + ", but expected it to match /" + pattern + "/");
        }
    }

    /** A number within the bounds, both inclusive; a null bound is open. */
    record Range(Double min, Double max) implements ArgMatcher {
        @Override
        public Optional<String> mismatch(String name, JsonNode actual) {
            boolean ok = actual != null && actual.isNumber()
                    && (min == null || actual.doubleValue() >= min) && (max == null || actual.doubleValue() <= max);
            return ok ? Optional.empty()
                    : Optional.of((actual == null ? "no " + name : name + " " + actual) + ", but expected "
                    + bounds());
        }

        private String bounds() {
            if (min != null && max != null) {
                return "a number from " + plain(min) + " to " + plain(max);
            }
            return min != null ? "a number of at least " + plain(min) : "a number of at most " + plain(max);
        }

        private static String plain(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** A value valid against a JSON Schema fragment. */
    record Schema(JsonNode schema) implements ArgMatcher {
        @Override
        public Optional<String> mismatch(String name, JsonNode actual) {
            if (actual == null) {
                return Optional.of("no " + name + ", but expected a value matching its schema");
            }
            String violation = Schemas.firstViolation(schema, actual);
            return violation == null ? Optional.empty()
                    : Optional.of(name + " " + actual + ", which does not match its schema: " + violation);
        }
    }

    /** Any value, as long as the argument is there. */
    record Any() implements ArgMatcher {
        @Override
        public Optional<String> mismatch(String name, JsonNode actual) {
            return actual == null ? Optional.of("no " + name) : Optional.empty();
        }
    }
}
