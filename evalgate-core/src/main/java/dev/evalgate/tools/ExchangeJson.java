package dev.evalgate.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.target.TokenUsage;

import java.util.ArrayList;
import java.util.List;

/**
 * The provider-neutral JSON of conversations, used by the worker protocols, the store and the reports.
 *
 * <p>A turn is {@code {role, content}}, plus {@code tool_calls: [{id, name, arguments}]} on an assistant turn
 * that calls tools ({@code arguments} is the JSON text the model wrote), and {@code tool_call_id}, {@code name}
 * and {@code is_error} on a {@code tool} turn. A tool is {@code {name, description, parameters}}.
 */
public final class ExchangeJson {

    private ExchangeJson() {
    }

    public static ArrayNode turns(List<Turn> turns) {
        ArrayNode out = ToolJson.MAPPER.createArrayNode();
        for (Turn t : turns) {
            ObjectNode m = out.addObject().put("role", t.role()).put("content", t.content());
            if (!t.toolCalls().isEmpty()) {
                m.set("tool_calls", calls(t.toolCalls()));
            }
            if ("tool".equals(t.role())) {
                m.put("tool_call_id", t.toolCallId()).put("name", t.toolName()).put("is_error", t.error());
            }
        }
        return out;
    }

    public static ArrayNode calls(List<ToolCall> calls) {
        ArrayNode out = ToolJson.MAPPER.createArrayNode();
        calls.forEach(c -> out.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.arguments()));
        return out;
    }

    public static ArrayNode tools(List<ToolSpec> tools) {
        ArrayNode out = ToolJson.MAPPER.createArrayNode();
        tools.forEach(t -> out.addObject().put("name", t.name()).put("description", t.description())
                .set("parameters", t.parameters()));
        return out;
    }

    /**
     * Reads {@code [{id, name, arguments}]} as a target answered it; {@code arguments} may be an object or its JSON
     * text. Throws IllegalArgumentException when a call has no name.
     */
    public static List<ToolCall> readCalls(JsonNode node) {
        List<ToolCall> calls = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return calls;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("'tool_calls' must be a list of {\"id\", \"name\", \"arguments\"}");
        }
        for (JsonNode c : node) {
            if (!c.path("name").isTextual() || c.path("name").textValue().isBlank()) {
                throw new IllegalArgumentException("each tool call needs a 'name', but one is " + c);
            }
            JsonNode args = c.path("arguments");
            calls.add(new ToolCall(c.path("id").asText(""), c.get("name").textValue(),
                    args.isTextual() ? args.textValue() : args.isMissingNode() || args.isNull() ? "{}" : args.toString()));
        }
        return calls;
    }

    /** The whole exchange as compact JSON, for the store. */
    public static String write(Exchange x) {
        return node(x).toString();
    }

    /** The whole exchange: its transcript, its model calls, the tools offered and how it ended. */
    public static ObjectNode node(Exchange x) {
        ObjectNode root = ToolJson.MAPPER.createObjectNode();
        root.set("transcript", turns(x.transcript()));
        ArrayNode calls = root.putArray("calls");
        for (ModelCall c : x.calls()) {
            ObjectNode n = calls.addObject().put("step", c.step());
            if (Double.isFinite(c.latencyMs())) {
                n.put("latency_ms", c.latencyMs());
            }
            n.put("attempts", c.attempts()).put("cached", c.cached()).put("text", c.text());
            if (c.usage() != null) {
                n.put("input_tokens", c.usage().input()).put("output_tokens", c.usage().output());
            }
            if (c.costUsd() != null) {
                n.put("cost_usd", c.costUsd());
            }
            n.set("tool_calls", calls(c.toolCalls()));
        }
        root.set("tools", tools(x.tools()));
        root.put("hit_max_steps", x.hitMaxSteps()).put("max_steps", x.maxSteps()).put("steps", x.steps());
        return root;
    }

    /** Reads what {@link #write} wrote; null for null text. */
    public static Exchange read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = ToolJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored conversation is not JSON: " + e.getOriginalMessage(), e);
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode t : root.path("transcript")) {
            turns.add(new Turn(t.path("role").asText(), t.path("content").asText(""), readCalls(t.get("tool_calls")),
                    t.hasNonNull("tool_call_id") ? t.get("tool_call_id").asText() : null,
                    t.hasNonNull("name") ? t.get("name").asText() : null, t.path("is_error").asBoolean(false)));
        }
        List<ModelCall> calls = new ArrayList<>();
        for (JsonNode c : root.path("calls")) {
            TokenUsage usage = c.has("input_tokens")
                    ? new TokenUsage(c.get("input_tokens").asLong(), c.path("output_tokens").asLong()) : null;
            calls.add(new ModelCall(c.path("step").asInt(), c.has("latency_ms") ? c.get("latency_ms").asDouble()
                    : Double.NaN, c.path("attempts").asInt(), usage, c.has("cost_usd") ? c.get("cost_usd").asDouble()
                    : null, c.path("cached").asBoolean(), c.path("text").asText(""), readCalls(c.get("tool_calls"))));
        }
        List<ToolSpec> tools = new ArrayList<>();
        for (JsonNode t : root.path("tools")) {
            tools.add(new ToolSpec(t.path("name").asText(), t.path("description").asText(""), t.path("parameters")));
        }
        return new Exchange(turns, calls, tools, root.path("hit_max_steps").asBoolean(),
                root.path("max_steps").asInt(Toolbox.DEFAULT_MAX_STEPS));
    }
}
