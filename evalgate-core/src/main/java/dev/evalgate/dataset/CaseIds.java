package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Derives the id of a case that has none from its content, so it is the same wherever the case sits in the file.
 *
 * <p>The id is the first 12 lowercase hex digits of the SHA-256 of the UTF-8 bytes of
 * {@code C(input) + "\n" + C(expected)}, where {@code C} is compact JSON with the keys of every object sorted by
 * name (no spaces). The input is a JSON string, or the input object; the expected answer is {@code null} when
 * absent, a JSON string for a text (numbers and true/false given as {@code expected} are texts), a JSON array of
 * strings for a list of accepted answers, and the JSON value itself otherwise. Tags, metadata and other fields do
 * not count, and a case reads the same from JSONL, CSV or YAML, so converting a file between formats keeps its
 * ids. Cases with the same input and expected answer get the same id, which is reported as a duplicate.
 */
final class CaseIds {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CaseIds() {
    }

    /** The derived id; {@code input} is a text or object node. */
    static String derive(JsonNode input, Expected expected) {
        String canonical = canonical(input) + "\n" + canonical(expectedNode(expected));
        return HexFormat.of().formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)), 0, 6);
    }

    private static JsonNode expectedNode(Expected expected) {
        return switch (expected) {
            case Expected.None none -> NODES.nullNode();
            case Expected.Text text -> NODES.textNode(text.value());
            case Expected.AnyOf anyOf -> strings(anyOf.values());
            case Expected.Json json -> json.value();
        };
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Compact JSON with object keys in sorted order, the same text for the same value however it was written. */
    static String canonical(JsonNode node) {
        return sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(sorted(item)));
            return array;
        }
        return node;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
