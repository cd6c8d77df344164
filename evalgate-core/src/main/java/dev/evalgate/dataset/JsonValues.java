package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON settings shared by every dataset format, and conversions of JSON values for templates and messages.
 *
 * <p>Decimals are kept as written ({@code 3.10} stays {@code 3.10}, not {@code 3.1}) because a version number
 * or an amount used as an expected label must compare as the user typed it.
 */
final class JsonValues {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads one JSON document that must hold exactly one value (a JSON Lines line). */
    static final ObjectReader TREE = MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonValues() {
    }

    /** A plain Java value for templates: String, Boolean, Number, unmodifiable List or Map, or null. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(toJava(item)));
            return Collections.unmodifiableList(items);
        }
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), toJava(e.getValue())));
            return Collections.unmodifiableMap(fields);
        }
        return node.asText();
    }

    /** A scalar as text ({@code 3.10}, {@code true}); a list or mapping as compact JSON. */
    static String text(JsonNode node) {
        if (node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** What a value is, in the words used by error messages. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "true/false";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isNull() ? "empty (null)" : "a " + node.getNodeType().name().toLowerCase();
    }
}
