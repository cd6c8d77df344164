package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.dataset.Case;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a conversation example with tool calls must keep: known roles; every assistant {@code tool_calls}
 * entry a function with a name, an id and JSON-object arguments, each answered by a {@code tool} message with that
 * id before the next assistant turn; tools offered for every function called; and the last message the assistant's
 * expected answer.
 */
final class ToolExampleCheck {

    private static final List<String> ROLES = List.of("system", "user", "assistant", "tool");

    private ToolExampleCheck() {
    }

    /** The first broken rule, or empty. */
    static Optional<String> check(JsonNode messages, JsonNode tools, Case kase) {
        Set<String> offered = new HashSet<>();
        if (tools != null) {
            tools.forEach(t -> offered.add(t.path("function").path("name").asText()));
        }
        Set<String> open = new HashSet<>();
        int i = 0;
        for (JsonNode m : messages) {
            i++;
            String role = m.path("role").asText();
            if (!ROLES.contains(role)) {
                return Optional.of("message " + i + " has role '" + role + "'; use one of " + ROLES);
            }
            if ("tool".equals(role)) {
                if (!open.remove(m.path("tool_call_id").asText())) {
                    return Optional.of("message " + i + " answers tool call '" + m.path("tool_call_id").asText()
                            + "', which no assistant message made just before it");
                }
                continue;
            }
            if (!open.isEmpty()) {
                return Optional.of("message " + i + " comes before the results of tool calls " + open);
            }
            for (JsonNode call : m.path("tool_calls")) {
                String name = call.path("function").path("name").asText();
                if (name.isEmpty() || call.path("id").asText().isEmpty()) {
                    return Optional.of("message " + i + " has a tool call without a name or id");
                }
                if (!offered.contains(name)) {
                    return Optional.of("message " + i + " calls " + name + ", which the example's tools do not offer;"
                            + " declare it under 'tools:' in the suite");
                }
                if (!isObject(call.path("function").path("arguments").asText())) {
                    return Optional.of("message " + i + " calls " + name + " with arguments that are not a JSON object");
                }
                open.add(call.path("id").asText());
            }
        }
        if (!open.isEmpty()) {
            return Optional.of("ends before the results of tool calls " + open);
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (!"assistant".equals(last.path("role").asText()) || !last.path("tool_calls").isMissingNode()
                || !kase.expected().primary().equals(last.path("content").asText())) {
            return Optional.of("does not end with the assistant's answer '" + kase.expected().primary() + "'");
        }
        return Optional.empty();
    }

    private static boolean isObject(String json) {
        try {
            return CaseJson.MAPPER.readTree(json).isObject();
        } catch (Exception e) {
            return false;
        }
    }
}
