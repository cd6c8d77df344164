package dev.evalgate.targets.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Template;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.targets.internal.Texts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request body of an {@code http} target: a YAML mapping or list turned into JSON, or a text template.
 *
 * <p>In a mapping, each text value is a template whose result becomes a JSON string, so quotes and newlines in
 * case fields can never break the JSON. A value that is exactly one placeholder, like {@code "{{features}}"},
 * keeps the variable's type: a list stays a list, a number a number. Plain {@code 42}, {@code 0.5},
 * {@code true} and {@code false} are sent as JSON numbers and booleans.
 */
sealed interface BodyTemplate {

    String render(Map<String, Object> vars, Case kase);

    /** The content type sent unless the user's headers name one. */
    String contentType();

    static BodyTemplate of(ConfigNode node, boolean jsonText) {
        if (node instanceof ConfigNode.Scalar scalar) {
            return new Text(Templates.compile(scalar, jsonText ? Templates.Escape.JSON_STRING : Templates.Escape.NONE),
                    jsonText ? "application/json" : "text/plain; charset=utf-8");
        }
        return new Json(Part.of(node));
    }

    /** A text template, JSON-escaping values when the text is JSON. */
    record Text(Template template, String contentType) implements BodyTemplate {
        @Override
        public String render(Map<String, Object> vars, Case kase) {
            return Templates.execute(template, vars, kase, "body");
        }
    }

    /** A JSON document built from the YAML structure. */
    record Json(Part root) implements BodyTemplate {
        @Override
        public String render(Map<String, Object> vars, Case kase) {
            return root.render(vars, kase).toString();
        }

        @Override
        public String contentType() {
            return "application/json";
        }
    }

    /** One node of the JSON body, compiled once when the target is created. */
    sealed interface Part {
        Pattern WHOLE_PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
        Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

        JsonNode render(Map<String, Object> vars, Case kase);

        static Part of(ConfigNode node) {
            return switch (node) {
                case ConfigNode.Mapping map -> {
                    Map<String, Part> fields = new LinkedHashMap<>();
                    map.entries().forEach((name, value) -> fields.put(name, of(value)));
                    yield new Obj(fields);
                }
                case ConfigNode.Sequence seq -> {
                    List<Part> items = new ArrayList<>();
                    seq.items().forEach(item -> items.add(of(item)));
                    yield new Arr(items);
                }
                case ConfigNode.Scalar scalar -> scalar(scalar);
            };
        }

        private static Part scalar(ConfigNode.Scalar scalar) {
            String value = scalar.value();
            if (value == null) {
                return new Literal(Texts.JSON.nullNode());
            }
            Matcher whole = WHOLE_PLACEHOLDER.matcher(value.strip());
            if (whole.matches()) {
                return new Variable(whole.group(1));
            }
            if (value.equals("true") || value.equals("false")) {
                return new Literal(Texts.JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value)));
            }
            if (NUMBER.matcher(value).matches()) {
                return new Literal(Texts.JSON.getNodeFactory().numberNode(new BigDecimal(value)));
            }
            return new Str(Templates.compile(scalar, Templates.Escape.NONE));
        }
    }

    record Obj(Map<String, Part> fields) implements Part {
        @Override
        public JsonNode render(Map<String, Object> vars, Case kase) {
            ObjectNode out = Texts.JSON.createObjectNode();
            fields.forEach((name, part) -> out.set(name, part.render(vars, kase)));
            return out;
        }
    }

    record Arr(List<Part> items) implements Part {
        @Override
        public JsonNode render(Map<String, Object> vars, Case kase) {
            ArrayNode out = Texts.JSON.createArrayNode();
            items.forEach(part -> out.add(part.render(vars, kase)));
            return out;
        }
    }

    record Literal(JsonNode value) implements Part {
        @Override
        public JsonNode render(Map<String, Object> vars, Case kase) {
            return value;
        }
    }

    /** A text template; its result is always a JSON string. */
    record Str(Template template) implements Part {
        @Override
        public JsonNode render(Map<String, Object> vars, Case kase) {
            return Texts.JSON.getNodeFactory().textNode(Templates.execute(template, vars, kase, "body"));
        }
    }

    /** A value that is one placeholder: inserted with its own JSON type. */
    record Variable(String name) implements Part {
        @Override
        public JsonNode render(Map<String, Object> vars, Case kase) {
            if (!vars.containsKey(name)) {
                throw Templates.missing(name, kase, "body");
            }
            Object value = vars.get(name);
            return value == null ? Texts.JSON.nullNode() : Texts.JSON.valueToTree(value);
        }
    }
}
