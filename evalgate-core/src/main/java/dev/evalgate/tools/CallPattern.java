package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool name with rules for some of its arguments; arguments it does not name may be anything.
 */
public record CallPattern(String tool, Map<String, ArgMatcher> args) {

    public CallPattern {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** Reads {@code {tool: name, args: {...}}}; a bare text is a tool name with any arguments. */
    static CallPattern parse(JsonNode node, String where) {
        if (node.isTextual()) {
            return new CallPattern(node.textValue(), Map.of());
        }
        if (!node.isObject() || !node.path("tool").isTextual()) {
            throw new IllegalArgumentException(where + " must name its tool, e.g. {\"tool\": \"lookup_order\", "
                    + "\"args\": {\"order_id\": \"A-1001\"}}");
        }
        Map<String, ArgMatcher> args = new LinkedHashMap<>();
        JsonNode argsNode = node.path("args");
        if (!argsNode.isMissingNode() && !argsNode.isObject()) {
            throw new IllegalArgumentException(where + ": 'args' must be a mapping of argument names to values");
        }
        argsNode.properties().forEach(e -> args.put(e.getKey(), ArgMatcher.parse(e.getKey(), e.getValue())));
        return new CallPattern(node.get("tool").textValue(), args);
    }

    public boolean matches(ToolCall call) {
        return call.name().equals(tool) && mismatches(call).isEmpty();
    }

    /** Why the call's arguments miss this pattern, one reason per argument; the name is not compared. */
    public List<String> mismatches(ToolCall call) {
        if (args.isEmpty()) {
            return List.of();
        }
        Optional<JsonNode> parsed = call.parsed();
        if (parsed.isEmpty()) {
            return List.of("its arguments are not a JSON object: " + call.arguments());
        }
        List<String> reasons = new ArrayList<>();
        args.forEach((name, matcher) -> matcher.mismatch(name, parsed.get().get(name)).ifPresent(reasons::add));
        return reasons;
    }
}
