package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small value that fits a tool's JSON Schema: what a stand-in model passes as a call's arguments when the harness
 * is warmed, so the arguments are parsed, matched and validated as a real model's would be.
 *
 * <p>It honours what a tool's schema usually says (type, properties, required, enum, const, default, examples,
 * minimum, minLength, minItems, the first branch of anyOf/oneOf); a value that must match a pattern or a format may
 * not fit, and the warm-up then meets a validation failure, which is still a path the measured run takes.
 */
public final class ArgumentSample {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Schemas nest; a recursive one ($ref to itself) is cut here. */
    private static final int DEEPEST = 8;
    /** More items than a warm-up needs make the arguments no truer. */
    private static final int LONGEST = 16;

    private ArgumentSample() {
    }

    /** Arguments for a tool whose parameters are {@code schema}: always a JSON object. */
    public static ObjectNode of(JsonNode schema) {
        JsonNode value = value(schema, 0);
        return value instanceof ObjectNode object ? object : NODES.objectNode();
    }

    private static JsonNode value(JsonNode schema, int depth) {
        if (schema == null || !schema.isObject() || depth > DEEPEST) {
            return NODES.nullNode();
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        for (String branch : new String[] {"anyOf", "oneOf", "allOf"}) {
            if (schema.path(branch).isArray() && !schema.get(branch).isEmpty()) {
                return value(schema.get(branch).get(0), depth + 1);
            }
        }
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "string" -> NODES.textNode("x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
            case "integer" -> NODES.numberNode((long) Math.ceil(lowest(schema)));
            case "number" -> NODES.numberNode(lowest(schema));
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
    }

    /** The schema's type, its first non-null one when it lists several, guessed from its keywords when absent. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.textValue();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").properties().forEach(p -> object.set(p.getKey(), value(p.getValue(), depth + 1)));
        // a required name without a property schema still gets a value
        for (JsonNode name : schema.path("required")) {
            if (name.isTextual() && !object.has(name.textValue())) {
                object.put(name.textValue(), "x");
            }
        }
        return object;
    }

    private static ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < Math.min(LONGEST, schema.path("minItems").asInt(0)); i++) {
            array.add(value(schema.get("items"), depth + 1));
        }
        return array;
    }

    /** The smallest number the schema allows, or 1 when it sets no bound. */
    private static double lowest(JsonNode schema) {
        if (schema.path("minimum").isNumber()) {
            return schema.get("minimum").asDouble();
        }
        if (schema.path("exclusiveMinimum").isNumber()) {
            return schema.get("exclusiveMinimum").asDouble() + 1;
        }
        return schema.path("maximum").isNumber() ? Math.min(1, schema.get("maximum").asDouble()) : 1;
    }
}
