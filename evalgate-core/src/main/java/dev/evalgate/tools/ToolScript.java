package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each tool returns in one case, so a run never touches a real system: per tool name, rules tried in order.
 *
 * <p>Written as the case's {@code tool_results}: a mapping from tool name ({@code "*"} for any tool) to a rule or a
 * list of rules. A rule is {@code {when: {arg: matcher}, result: value}} or {@code {when: ..., error: "text"}};
 * a rule without {@code when} is that tool's default. Any other value is the tool's result for every call.
 */
public record ToolScript(Map<String, List<Rule>> rules) {

    public static final ToolScript EMPTY = new ToolScript(Map.of());
    private static final Set<String> RULE_KEYS = Set.of("when", "result", "error");

    /** One scripted answer and the arguments it applies to. */
    public record Rule(CallPattern when, ToolResult result) {
    }

    /** Reads the {@code tool_results} mapping; throws IllegalArgumentException naming what is wrong. */
    public static ToolScript parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return EMPTY;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("'tool_results' must be a mapping from tool name to its result, e.g. "
                    + "{\"lookup_order\": {\"result\": {\"status\": \"shipped\"}}}");
        }
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            List<Rule> list = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(r -> list.add(rule(e.getKey(), r)));
            } else {
                list.add(rule(e.getKey(), e.getValue()));
            }
            rules.put(e.getKey(), List.copyOf(list));
        });
        return new ToolScript(rules);
    }

    private static Rule rule(String tool, JsonNode node) {
        if (!isRule(node)) {
            return new Rule(new CallPattern(tool, Map.of()), new ToolResult(text(node), false));
        }
        CallPattern when = new CallPattern(tool, Map.of());
        if (node.has("when")) {
            checkWhen(tool, node.get("when"));
            when = CallPattern.parse(ToolJson.MAPPER.createObjectNode().put("tool", tool).set("args", node.get("when")),
                    "tool_results." + tool);
        }
        boolean error = node.has("error");
        if (error == node.has("result")) {
            throw new IllegalArgumentException("tool_results." + tool + ": a rule gives either 'result' or 'error'");
        }
        return new Rule(when, new ToolResult(text(node.get(error ? "error" : "result")), error));
    }

    private static boolean isRule(JsonNode node) {
        if (!node.isObject() || !(node.has("result") || node.has("error"))) {
            return false;
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return RULE_KEYS.containsAll(keys);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** The scripted answer to {@code call}: the first rule of its tool that matches, then those of {@code "*"}. */
    public ToolResult answer(ToolCall call) {
        for (String key : new String[] {call.name(), "*"}) {
            for (Rule rule : rules.getOrDefault(key, List.of())) {
                if (rule.when().args().isEmpty() || rule.when().mismatches(call).isEmpty()) {
                    return rule.result();
                }
            }
        }
        return new ToolResult("no scripted result for " + call.shown(), true);
    }

    private static void checkWhen(String tool, JsonNode when) {
        if (!when.isObject()) {
            throw new IllegalArgumentException("tool_results." + tool + ": 'when' must be a mapping of argument "
                    + "names to values, e.g. {\"order_id\": \"A-1001\"}");
        }
    }
}
