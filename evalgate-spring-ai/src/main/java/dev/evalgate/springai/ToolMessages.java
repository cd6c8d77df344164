package dev.evalgate.springai;

import dev.evalgate.error.TargetException;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * A conversation in Spring AI's terms: turns as messages (tool calls as the assistant message's tool calls, their
 * results as tool response messages), tools as definitions whose input schema is the suite's JSON Schema as
 * written, and the assistant message's tool calls read back as evalgate's.
 */
final class ToolMessages {

    private ToolMessages() {
    }

    /**
     * The conversation as a prompt for a model whose default options are {@code defaults}: the tools go into a copy
     * of those, since a provider's model accepts only its own options type (OpenAI's wants OpenAiChatOptions).
     */
    static Prompt prompt(Conversation conversation, ChatOptions defaults) {
        List<Message> messages = new ArrayList<>();
        for (Turn t : conversation.turns()) {
            switch (t.role()) {
                case "system" -> messages.add(new SystemMessage(t.content()));
                case "user" -> messages.add(new UserMessage(t.content()));
                case "tool" -> messages.add(ToolResponseMessage.builder().responses(List.of(
                        new ToolResponseMessage.ToolResponse(t.toolCallId(), t.toolName(),
                                t.error() ? "Error: " + t.content() : t.content()))).build());
                default -> messages.add(AssistantMessage.builder()
                        .content(t.content().isEmpty() && !t.toolCalls().isEmpty() ? null : t.content())
                        .toolCalls(t.toolCalls().stream().map(ToolMessages::springCall).toList()).build());
            }
        }
        if (conversation.tools().isEmpty()) {
            return new Prompt(messages);
        }
        List<ToolCallback> tools = conversation.tools().stream().map(ToolMessages::definitionOnly).toList();
        ChatOptions.Builder<?> options = defaults == null ? ToolCallingChatOptions.builder() : defaults.mutate();
        if (!(options instanceof ToolCallingChatOptions.Builder<?> withTools)) {
            throw TargetException.fatal("tools_unsupported", "the suite offers tools, but this ChatModel's options ("
                    + defaults.getClass().getName() + ") cannot carry tool definitions");
        }
        withTools.toolCallbacks(tools);
        return new Prompt(messages, withTools.build());
    }

    /** The tool calls of an assistant message; empty when it has none. */
    static List<ToolCall> calls(AssistantMessage message) {
        if (message == null || !message.hasToolCalls()) {
            return List.of();
        }
        return message.getToolCalls().stream()
                .map(c -> new ToolCall(c.id() == null ? "" : c.id(), c.name(), c.arguments())).toList();
    }

    private static AssistantMessage.ToolCall springCall(ToolCall call) {
        return new AssistantMessage.ToolCall(call.id(), "function", call.name(), call.arguments());
    }

    /**
     * A tool the model is told about but that Spring AI must never run: in Spring AI 2.0 a chat model returns tool
     * calls to its caller, and here the caller is the runner, which answers them from the suite's tool scripts.
     */
    private static ToolCallback definitionOnly(ToolSpec spec) {
        ToolDefinition definition = ToolDefinition.builder().name(spec.name()).description(spec.description())
                .inputSchema(spec.parameters().toString()).build();
        return new ToolCallback() {
            @Override
            public ToolDefinition getToolDefinition() {
                return definition;
            }

            @Override
            public String call(String arguments) {
                throw new IllegalStateException("tool '" + spec.name() + "' is answered by the suite's tool script,"
                        + " not run by Spring AI; call the model without a ChatClient tool advisor");
            }
        };
    }
}
