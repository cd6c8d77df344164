package dev.evalgate.targets.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.targets.internal.Texts;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * A conversation in the Messages API format: system turns as the top-level {@code system}, tool calls as
 * {@code tool_use} blocks, their results as {@code tool_result} blocks of one user message (with
 * {@code is_error} for a scripted error), the tools with {@code input_schema}.
 */
final class AnthropicConversation {

    private AnthropicConversation() {
    }

    static void write(Conversation conversation, ObjectNode body) {
        String system = conversation.system();
        if (system != null) {
            body.put("system", system);
        }
        ArrayNode messages = body.putArray("messages");
        ArrayNode results = null;
        for (Turn turn : conversation.dialogue()) {
            if ("tool".equals(turn.role())) {
                if (results == null) {
                    results = messages.addObject().put("role", "user").putArray("content");
                }
                ObjectNode r = results.addObject().put("type", "tool_result").put("tool_use_id", turn.toolCallId())
                        .put("content", turn.content());
                if (turn.error()) {
                    r.put("is_error", true);
                }
                continue;
            }
            results = null;
            ObjectNode m = messages.addObject().put("role", turn.role());
            if (turn.toolCalls().isEmpty()) {
                m.put("content", turn.content());
                continue;
            }
            ArrayNode blocks = m.putArray("content");
            if (!turn.content().isEmpty()) {
                blocks.addObject().put("type", "text").put("text", turn.content());
            }
            for (ToolCall call : turn.toolCalls()) {
                blocks.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                        .set("input", call.parsed().orElseGet(Texts.JSON::createObjectNode));
            }
        }
        if (!conversation.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec spec : conversation.tools()) {
                tools.addObject().put("name", spec.name()).put("description", spec.description())
                        .set("input_schema", spec.parameters());
            }
            if (conversation.toolChoice() != null) {
                body.putObject("tool_choice").put("type", "required".equals(conversation.toolChoice()) ? "any"
                        : conversation.toolChoice());
            }
        }
    }

    /**
     * The smallest answer with a {@code tool_use} block per call, or a text block "ok" when there is none, never
     * streamed: what the loopback stand-in sends a conversation's rehearsal.
     */
    static String standInAnswer(List<ToolCall> calls) {
        ObjectNode root = Texts.JSON.createObjectNode().put("type", "message").put("role", "assistant");
        ArrayNode content = root.putArray("content");
        if (calls.isEmpty()) {
            content.addObject().put("type", "text").put("text", "ok");
        }
        for (ToolCall call : calls) {
            content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                    .set("input", call.parsed().orElseGet(Texts.JSON::createObjectNode));
        }
        root.put("stop_reason", calls.isEmpty() ? "end_turn" : "tool_use");
        root.putObject("usage").put("input_tokens", 1).put("output_tokens", 1);
        return root.toString();
    }

    /** The {@code tool_use} blocks of an answer's content, in order. */
    static List<ToolCall> calls(JsonNode content) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            if ("tool_use".equals(block.path("type").asText())) {
                JsonNode input = block.path("input");
                calls.add(new ToolCall(block.path("id").asText(""), block.path("name").asText(""),
                        input.isTextual() ? input.textValue() : input.isMissingNode() ? "{}" : input.toString()));
            }
        }
        return calls;
    }
}
