package dev.evalgate.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.dataset.Case;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The conversation parts of a case: its turns, its scripted tool results and the tool calls it expects.
 *
 * <p>They are read from the case's fields {@code messages}, {@code tool_results}, {@code expected_calls},
 * {@code forbidden_calls} and {@code call_order}, which the dataset keeps among the case's variables. A CSV cell
 * holds each as JSON text. {@link #check} validates them when the dataset is read, so a broken case is reported
 * with its line before any call.
 *
 * @param messages     the case's own turns; empty for a single-turn case
 * @param expectations null when the case states no expected, forbidden or ordered calls
 */
public record CaseScript(List<Turn> messages, ToolScript script, CallExpectations expectations) {

    /** The fields this type reads; a dataset keeps them as variables and parses a CSV cell's JSON text. */
    public static final List<String> FIELDS = List.of("messages", "tool_results", "expected_calls",
            "forbidden_calls", "call_order");

    public CaseScript {
        messages = List.copyOf(messages);
    }

    public boolean conversation() {
        return !messages.isEmpty();
    }

    /**
     * The scripts of the cases read last, by identity: the agent loop, the metrics and the tool scorers each ask for
     * the script of a case in flight, and reading it once spares the run two JSON conversions per case.
     */
    private static final AtomicReferenceArray<Read> RECENT = new AtomicReferenceArray<>(64);

    private record Read(Case kase, CaseScript script) {
    }

    /** The script of {@code kase}; a case checked by {@link #check} never throws here. */
    public static CaseScript of(Case kase) {
        int slot = System.identityHashCode(kase) & (RECENT.length() - 1);
        Read last = RECENT.get(slot);
        if (last != null && last.kase() == kase) {
            return last.script();
        }
        CaseScript script = parse(kase);
        RECENT.set(slot, new Read(kase, script));
        return script;
    }

    private static CaseScript parse(Case kase) {
        Map<String, Object> vars = kase.vars();
        if (FIELDS.stream().noneMatch(vars::containsKey)) {
            return new CaseScript(List.of(), ToolScript.EMPTY, null);
        }
        return read(node(vars.get("messages")), node(vars.get("tool_results")), node(vars.get("expected_calls")),
                node(vars.get("forbidden_calls")), node(vars.get("call_order")));
    }

    /**
     * Reads the fields of one dataset record; throws IllegalArgumentException with a message for the user.
     *
     * @param field the record's value of each field in {@link #FIELDS} (null when absent)
     */
    public static CaseScript check(Map<String, JsonNode> field) {
        return read(field.get("messages"), field.get("tool_results"), field.get("expected_calls"),
                field.get("forbidden_calls"), field.get("call_order"));
    }

    private static CaseScript read(JsonNode messages, JsonNode results, JsonNode expected, JsonNode forbidden,
                                   JsonNode order) {
        return new CaseScript(turns(messages), ToolScript.parse(results),
                CallExpectations.parse(expected, forbidden, order));
    }

    /** A field's value as JSON: a CSV cell's text is parsed as JSON, anything else converted as is. */
    public static JsonNode node(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String t = text.strip();
            if (t.isEmpty()) {
                return null;
            }
            try {
                return ToolJson.MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("holds text that is not JSON: " + e.getOriginalMessage());
            }
        }
        return value instanceof JsonNode n ? n : ToolJson.MAPPER.valueToTree(value);
    }

    private static List<Turn> turns(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty list of turns like "
                    + "{\"role\": \"user\", \"content\": \"Where is my order?\"}");
        }
        List<Turn> turns = new ArrayList<>();
        int i = 0;
        for (JsonNode m : node) {
            i++;
            String role = m.path("role").asText("");
            if (!List.of("system", "user", "assistant").contains(role)) {
                throw new IllegalArgumentException("turn " + i + " of 'messages' has role '" + role + "'; use "
                        + "system, user or assistant");
            }
            if (!m.path("content").isTextual()) {
                throw new IllegalArgumentException("turn " + i + " of 'messages' needs a text 'content'");
            }
            turns.add(Turn.of(role, m.get("content").textValue()));
        }
        if (turns.stream().noneMatch(t -> "user".equals(t.role()))) {
            throw new IllegalArgumentException("'messages' has no user turn; a conversation needs at least one");
        }
        return turns;
    }

    /** The text of the last user turn, shown as the case's input. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
