package dev.evalgate.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.json.SharedBuffers;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.regex.Pattern;

/** Shared JSON reading for the JSON scorers: strict parsing of outputs and plain-language parse errors. */
public final class JsonText {

    /** Trailing text after the JSON value is an error: {@code {"a":1} sure!} is not valid JSON output. */
    static final JsonMapper MAPPER = SharedBuffers.mapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Numbers compare by value, so {@code 2}, {@code 2.0} and {@code 2e0} are the same field value. */
    static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    private JsonText() {
    }

    /** The parsed output; throws with Jackson's message when it is not one JSON value. */
    static JsonNode parse(String output) throws JsonProcessingException {
        return MAPPER.readTree(output);
    }

    /** Reads one value from the start of a text, ignoring what follows it: for finding JSON inside prose. */
    private static final JsonMapper PREFIX = SharedBuffers.mapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * The JSON objects found inside a text, left to right: at each '{' not inside an object already found, the
     * longest object that parses from there. Prose around them, code fences and arrays outside objects are skipped.
     */
    static java.util.List<JsonNode> embeddedObjects(String text) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        int from = 0;
        int open;
        while ((open = text.indexOf('{', from)) >= 0) {
            try (com.fasterxml.jackson.core.JsonParser parser = PREFIX.createParser(text.substring(open))) {
                JsonNode node = PREFIX.readTree(parser);
                found.add(node);
                from = open + (int) parser.currentLocation().getCharOffset();
            } catch (java.io.IOException | RuntimeException e) {
                from = open + 1;
            }
        }
        return found;
    }

    /** A parse failure as one line: what went wrong and where, without Jackson's source excerpt. */
    static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return (cut < 0 ? message : message.substring(0, cut)) + where;
    }

    /**
     * A config subtree as JSON. Suite files lose YAML scalar types, so a scalar that reads as a boolean, null or
     * number becomes one; quote-sensitive schemas belong in a {@code schema_file} or a JSON-text scalar.
     */
    public static JsonNode fromConfig(ConfigNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (node) {
            case ConfigNode.Mapping m -> {
                var object = f.objectNode();
                m.entries().forEach((k, v) -> object.set(k, fromConfig(v)));
                yield object;
            }
            case ConfigNode.Sequence s -> {
                var array = f.arrayNode();
                s.items().forEach(item -> array.add(fromConfig(item)));
                yield array;
            }
            case ConfigNode.Scalar s -> scalar(s.value());
        };
    }

    private static JsonNode scalar(String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null || value.equals("null") || value.equals("~")) {
            return f.nullNode();
        }
        if (value.equals("true") || value.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(value));
        }
        if (INTEGER.matcher(value).matches()) {
            return f.numberNode(new BigDecimal(value).toBigIntegerExact());
        }
        if (DECIMAL.matcher(value).matches()) {
            return f.numberNode(new BigDecimal(value));
        }
        return f.textNode(value);
    }
}
