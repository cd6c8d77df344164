package dev.evalgate.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * A conversation in LangChain4j's terms: turns as chat messages (tool calls as the AI message's tool execution
 * requests, their results as tool execution result messages), tools as tool specifications whose properties keep
 * their JSON Schema as written, and the AI message's requests read back as tool calls.
 */
final class ToolMessages {

    private ToolMessages() {
    }

    static ChatRequest request(Conversation conversation) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Turn t : conversation.turns()) {
            switch (t.role()) {
                case "system" -> messages.add(SystemMessage.from(t.content()));
                case "user" -> messages.add(UserMessage.from(t.content()));
                case "tool" -> messages.add(ToolExecutionResultMessage.from(t.toolCallId(), t.toolName(),
                        t.error() ? "Error: " + t.content() : t.content()));
                default -> messages.add(t.toolCalls().isEmpty() ? AiMessage.from(t.content())
                        : AiMessage.from(t.content().isEmpty() ? null : t.content(), requests(t.toolCalls())));
            }
        }
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
        if (!conversation.tools().isEmpty()) {
            builder.toolSpecifications(conversation.tools().stream().map(ToolMessages::specification).toList());
            if ("required".equals(conversation.toolChoice())) {
                builder.toolChoice(ToolChoice.REQUIRED);
            } else if ("auto".equals(conversation.toolChoice())) {
                builder.toolChoice(ToolChoice.AUTO);
            }
        }
        return builder.build();
    }

    /** The tool calls of an AI message; empty when it has none. */
    static List<ToolCall> calls(AiMessage message) {
        if (message == null || !message.hasToolExecutionRequests()) {
            return List.of();
        }
        return message.toolExecutionRequests().stream()
                .map(r -> new ToolCall(r.id() == null ? "" : r.id(), r.name(), r.arguments())).toList();
    }

    private static List<ToolExecutionRequest> requests(List<ToolCall> calls) {
        return calls.stream().map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name())
                .arguments(c.arguments()).build()).toList();
    }

    private static ToolSpecification specification(ToolSpec spec) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        JsonNode parameters = spec.parameters();
        parameters.path("properties").properties()
                .forEach(e -> schema.addProperty(e.getKey(), JsonRawSchema.from(e.getValue().toString())));
        List<String> required = new ArrayList<>();
        parameters.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) {
            schema.required(required);
        }
        return ToolSpecification.builder().name(spec.name()).description(spec.description())
                .parameters(schema.build()).build();
    }
}
