package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.error.ConfigException;

import java.util.Map;

/**
 * Reads the {@code tags} field of a case into slice keys and values.
 *
 * <p>Accepted shapes: a list of tags ({@code [urgent, "channel=email"]}), a mapping ({@code {channel: email}})
 * or a text of tags separated by {@code ;} ({@code urgent;channel=email}, the form a CSV cell uses). A bare tag
 * {@code urgent} means {@code urgent=true}; in {@code k=v} the text before the first {@code =} is the key.
 */
final class Tags {

    private static final String SHAPES = "Write tags as a list [urgent, channel=email], a mapping "
            + "{channel: email}, or in CSV as urgent;channel=email.";

    private final String file;
    private final int line;

    Tags(String file, int line) {
        this.file = file;
        this.line = line;
    }

    /** Adds the tags in {@code node} to {@code into}, replacing values already there. */
    void read(JsonNode node, Map<String, String> into) {
        if (node.isTextual()) {
            for (String item : node.textValue().split(";")) {
                add(item, into);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    throw error("'tags' must hold names, but one item is " + JsonValues.describe(item) + ".");
                }
                add(item.asText(), into);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode value = entry.getValue();
                if (!value.isValueNode()) {
                    throw error("tag '" + entry.getKey() + "' must have a single value, but it is "
                            + JsonValues.describe(value) + ".");
                }
                // "urgent:" with no value in YAML reads as null: a bare tag.
                put(entry.getKey(), value.isNull() ? "true" : value.asText(), into);
            }
        } else if (!node.isNull()) {
            throw error("'tags' must be a list, a mapping or a text, but it is " + JsonValues.describe(node) + ".");
        }
    }

    private void add(String item, Map<String, String> into) {
        String tag = item.strip();
        if (tag.isEmpty()) {
            return;
        }
        int equals = tag.indexOf('=');
        if (equals < 0) {
            put(tag, "true", into);
        } else {
            put(tag.substring(0, equals).strip(), tag.substring(equals + 1).strip(), into);
        }
    }

    private void put(String key, String value, Map<String, String> into) {
        if (key.isBlank()) {
            throw error("a tag has an empty name (\"=" + value + "\").");
        }
        into.put(key, value);
    }

    private ConfigException error(String message) {
        return ConfigException.at(file, line, message + " " + SHAPES);
    }
}
