package dev.evalgate.langchain4j;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TokenUsage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A target that sends each case to a LangChain4j {@link ChatModel} and reports the tokens the provider counted.
 *
 * <p>Every call is one chat request: a system message when the suite's prompt has one, then the user message
 * (the rendered prompt, or the case input when there is no prompt). The model is built by the caller, with its
 * own model name, temperature and timeouts, for example:
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini").maxRetries(0).build();
 * Target target = ChatModelTarget.of(model);
 * }</pre>
 *
 * <p>In a conversation the request carries every turn so far and the suite's tools, and the AI message's tool
 * execution requests come back as tool calls for the runner's agent loop.
 *
 * <p>Turn the model's own retries off ({@code maxRetries(0)}): the runner retries rate limits and timeouts
 * itself, with backoff it records, and a model that retries inside one call makes that call's latency include
 * the waits.
 */
public final class ChatModelTarget implements Target {

    private final ChatModel model;

    private ChatModelTarget(ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public static ChatModelTarget of(ChatModel model) {
        return new ChatModelTarget(model);
    }

    @Override
    public Reply call(Request request) {
        ChatResponse response;
        try {
            response = model.chat(chatRequest(request));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        return new Reply(text, usage(response.tokenUsage()), ToolMessages.calls(response.aiMessage()));
    }

    static ChatRequest chatRequest(Request request) {
        if (request.conversation() != null) {
            return ToolMessages.request(request.conversation());
        }
        List<ChatMessage> messages = new ArrayList<>(2);
        String system = request.systemText();
        if (system != null && !system.isBlank()) {
            messages.add(SystemMessage.from(system));
        }
        messages.add(UserMessage.from(request.userText()));
        return ChatRequest.builder().messages(messages).build();
    }

    /**
     * Tokens only when the provider gave both counts: a missing count is unknown, and reporting it as 0 would
     * make the call look free in the cost metrics.
     */
    static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null) {
            return null;
        }
        return new TokenUsage(usage.inputTokenCount(), usage.outputTokenCount());
    }
}
