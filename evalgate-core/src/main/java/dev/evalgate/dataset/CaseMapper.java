package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evalgate.error.ConfigException;
import dev.evalgate.tools.CaseScript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one record of a dataset file into a {@link Case}; the rules are the same for JSONL, CSV and YAML.
 *
 * <ul>
 * <li>{@code input} (required): a text, or a mapping of template variables. A number or true/false is taken as
 *     its text; a list is an error.</li>
 * <li>{@code expected} (optional): a text is {@link Expected#text}; a number or true/false is also
 *     {@link Expected#text} of its text as written ({@code 3.10} stays {@code "3.10"}), so a label compares the
 *     same whether it came from JSON, YAML or a CSV cell; a non-empty list of texts is {@link Expected#anyOf};
 *     any other list and any mapping is {@link Expected#json}; absent or null is {@link Expected#none()}.</li>
 * <li>{@code tags} (optional): see {@link Tags}. {@code metadata} (optional mapping): each entry becomes a tag
 *     (its value as text, a list or mapping as compact JSON) and a template variable; a tag of the same name
 *     wins over a metadata entry.</li>
 * <li>{@code id} and {@code cluster} (optional): a text or a number. Without an id, one is derived from the
 *     content as described on {@link CaseIds}.</li>
 * <li>{@code messages}, {@code tool_results}, {@code expected_calls}, {@code forbidden_calls}, {@code call_order}
 *     (optional): a conversation and its tool script, see {@link CaseScript}; in a CSV cell, as JSON text. With
 *     {@code messages} the input may be left out: it is then the last user turn.</li>
 * <li>Every other field (every other CSV column) becomes a template variable of the same name.</li>
 * </ul>
 * The fields read as input, expected and id are those of the {@link FieldNames} given, by default the names above.
 * {@link Case#vars()} holds, with later sources replacing earlier ones of the same name: the fields of an
 * object input, the metadata entries, the other fields; and always {@code input} itself, the input text or, for
 * an object input, its compact JSON (unless the object has a text field {@code input} of its own, which wins). Variable values are String, Number, Boolean, List or Map; a top-level null
 * becomes the empty text.
 */
final class CaseMapper {

    private final String file;
    private final FieldNames names;

    CaseMapper(String file) {
        this(file, FieldNames.DEFAULT);
    }

    CaseMapper(String file, FieldNames names) {
        this.file = file;
        this.names = names;
    }

    /** A case and whether its id was derived from the content rather than written in the file. */
    record Mapped(Case value, boolean derivedId) {
    }

    Mapped map(RawRecord record) {
        ObjectNode fields = record.fields();
        int line = record.line();
        Map<String, JsonNode> talk = conversationFields(fields, line);
        JsonNode messages = talk.get("messages");
        JsonNode rawInput = fields.get(names.input());
        boolean fromMessages = messages != null && (rawInput == null || rawInput.isNull());
        JsonNode input = fromMessages ? TextNode.valueOf(lastUser(talk, line)) : input(rawInput, line);
        Expected expected = expected(fields.get(names.expected()), line);
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        if (input.isObject()) {
            input.properties().forEach(e -> putVar(vars, e.getKey(), e.getValue()));
        }
        metadata(fields.get("metadata"), line, vars, tags);
        JsonNode tagsNode = fields.get("tags");
        if (tagsNode != null) {
            new Tags(file, line).read(tagsNode, tags);
        }
        fields.properties().stream()
                .filter(e -> !names.names(e.getKey()) && !FieldNames.RESERVED.contains(e.getKey()))
                .forEach(e -> putVar(vars, e.getKey(), e.getValue()));
        talk.forEach((name, value) -> putVar(vars, name, value));
        // an object input's own 'input' field keeps its name: templates written for it say {{input}}
        JsonNode own = input.isObject() ? input.get("input") : null;
        vars.put("input", own != null && own.isValueNode() ? own.asText()
                : input.isTextual() ? input.textValue() : input.toString());
        String cluster = name(fields.get("cluster"), "cluster", line);
        String id = name(fields.get(names.id()), names.id(), line);
        boolean derived = id == null;
        if (derived) {
            id = CaseIds.derive(fromMessages ? messages : input, expected);
        }
        return new Mapped(new Case(id, vars, expected, tags, cluster, file + ":" + line), derived);
    }

    /** The conversation fields of the record, parsed (a CSV cell holds JSON text) and checked. */
    private Map<String, JsonNode> conversationFields(ObjectNode fields, int line) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (String name : CaseScript.FIELDS) {
            JsonNode value = fields.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            try {
                JsonNode parsed = CaseScript.node(value.isTextual() ? value.textValue() : value);
                if (parsed != null) {
                    found.put(name, parsed);
                }
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, line, "'" + name + "' " + e.getMessage() + ". Write it as JSON, e.g. "
                        + "[{\"role\": \"user\", \"content\": \"Where is my order?\"}].");
            }
        }
        if (!found.isEmpty()) {
            try {
                CaseScript.check(found);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, line, e.getMessage() + ".");
            }
        }
        return found;
    }

    private String lastUser(Map<String, JsonNode> talk, int line) {
        return CaseScript.check(Map.of("messages", talk.get("messages"))).lastUserText();
    }

    private JsonNode input(JsonNode node, int line) {
        if (node == null || node.isNull()) {
            throw ConfigException.at(file, line, "this case has no '" + names.input() + "'. Give every case an "
                    + "input: a text, or a mapping of template variables, e.g. {\"" + names.input() + "\": \"2+2?\"}.");
        }
        if (node.isObject() || node.isTextual()) {
            return node;
        }
        if (node.isValueNode()) {
            return TextNode.valueOf(node.asText());
        }
        throw ConfigException.at(file, line, "'" + names.input() + "' must be a text or a mapping of template "
                + "variables, but it is " + JsonValues.describe(node) + ". Join the items into one text, or name them, e.g. "
                + "{\"input\": {\"question\": \"...\", \"context\": \"...\"}}.");
    }

    private Expected expected(JsonNode node, int line) {
        if (node == null || node.isNull()) {
            return Expected.none();
        }
        if (node.isValueNode()) {
            return Expected.text(node.asText());
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw ConfigException.at(file, line, "'expected' is an empty list. List at least one accepted "
                        + "answer, or leave 'expected' out.");
            }
            List<String> answers = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    return Expected.json(node);
                }
                answers.add(item.textValue());
            }
            return Expected.anyOf(answers);
        }
        return Expected.json(node);
    }

    private void metadata(JsonNode node, int line, Map<String, Object> vars, Map<String, String> tags) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw ConfigException.at(file, line, "'metadata' must be a mapping of names to values, but it is "
                    + JsonValues.describe(node) + ". Write it as {\"source\": \"faq\", \"language\": \"en\"}.");
        }
        node.properties().forEach(e -> {
            tags.put(e.getKey(), JsonValues.text(e.getValue()));
            putVar(vars, e.getKey(), e.getValue());
        });
    }

    /** An id or cluster: a text or number; null when absent. */
    private String name(JsonNode node, String field, int line) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw ConfigException.at(file, line, "'" + field + "' must be a text or a number, but it is "
                    + JsonValues.describe(node) + ".");
        }
        String value = node.asText();
        if (value.isBlank()) {
            throw ConfigException.at(file, line, "'" + field + "' is empty. Give it a value, or leave the field "
                    + "out" + ("id".equals(field) ? " to have the id derived from the input and expected." : "."));
        }
        return value;
    }

    private static void putVar(Map<String, Object> vars, String name, JsonNode value) {
        Object java = JsonValues.toJava(value);
        vars.put(name, java == null ? "" : java);
    }
}
