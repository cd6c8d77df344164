package dev.evalgate.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A chat model that answers from a script and keeps every request it was sent; no network. */
final class FakeChatModel implements ChatModel {

    private final String answer;
    private final TokenUsage usage;
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    final List<ChatRequest> requests = new ArrayList<>();

    FakeChatModel(String answer, TokenUsage usage) {
        this.answer = answer;
        this.usage = usage;
    }

    /** Throws {@code failure} on the next call instead of answering; queued failures come first, in order. */
    FakeChatModel failingOnce(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(answer)).tokenUsage(usage).build();
    }
}
