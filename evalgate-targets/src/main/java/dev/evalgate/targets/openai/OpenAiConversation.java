package dev.evalgate.targets.openai;

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
 * A conversation in the chat completions format: the turns as {@code messages} (tool calls as
 * {@code tool_calls}, their results as {@code tool} messages with the call's id), the tools as {@code tools}, and
 * the calls read back from {@code message.tool_calls[].function.{name, arguments}}.
 */
final class OpenAiConversation {

    private OpenAiConversation() {
    }

    static void write(Conversation conversation, ObjectNode body) {
        ArrayNode messages = body.putArray("messages");
        for (Turn turn : conversation.turns()) {
            ObjectNode m = messages.addObject().put("role", turn.role());
            switch (turn.role()) {
                case "assistant" -> {
                    if (turn.toolCalls().isEmpty()) {
                        m.put("content", turn.content());
                    } else {
                        if (turn.content().isEmpty()) {
                            m.putNull("content");
                        } else {
                            m.put("content", turn.content());
                        }
                        ArrayNode calls = m.putArray("tool_calls");
                        for (ToolCall call : turn.toolCalls()) {
                            ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
                            c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
                        }
                    }
                }
                case "tool" -> m.put("tool_call_id", turn.toolCallId())
                        .put("content", turn.error() ? "Error: " + turn.content() : turn.content());
                default -> m.put("content", turn.content());
            }
        }
        if (!conversation.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec spec : conversation.tools()) {
                ObjectNode f = tools.addObject().put("type", "function").putObject("function");
                f.put("name", spec.name()).put("description", spec.description()).set("parameters", spec.parameters());
            }
            if (conversation.toolChoice() != null) {
                body.put("tool_choice", conversation.toolChoice());
            }
        }
    }

    /**
     * The smallest answer calling {@code calls}, or with the text "ok" when there is none, never streamed: what the
     * loopback stand-in sends a conversation's rehearsal.
     */
    static String standInAnswer(List<ToolCall> calls) {
        ObjectNode root = Texts.JSON.createObjectNode();
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (calls.isEmpty()) {
            message.put("content", "ok");
        } else {
            message.putNull("content");
            ArrayNode written = message.putArray("tool_calls");
            for (ToolCall call : calls) {
                written.addObject().put("id", call.id()).put("type", "function").putObject("function")
                        .put("name", call.name()).put("arguments", call.arguments());
            }
        }
        choice.put("finish_reason", calls.isEmpty() ? "stop" : "tool_calls");
        root.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1);
        return root.toString();
    }

    /** The calls of {@code message}; arguments are kept as written, even when they are not valid JSON. */
    static List<ToolCall> calls(JsonNode message) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode c : message.path("tool_calls")) {
            JsonNode function = c.path("function");
            JsonNode args = function.path("arguments");
            calls.add(new ToolCall(c.path("id").asText(""), function.path("name").asText(""),
                    args.isTextual() ? args.textValue() : args.isMissingNode() || args.isNull() ? "{}" : args.toString()));
        }
        return calls;
    }
}
