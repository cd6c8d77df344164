package dev.evalgate.springai;

import dev.evalgate.target.Reply;
import dev.evalgate.target.TokenUsage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** The translation of a Spring AI {@link ChatResponse} into evalgate's reply: text, tokens and tool calls. */
final class Replies {

    private Replies() {
    }

    static Reply of(ChatResponse response) {
        if (response == null) {
            return new Reply(null, null);
        }
        Generation generation = response.getResult();
        AssistantMessage message = generation == null ? null : generation.getOutput();
        String text = message == null ? null : message.getText();
        return new Reply(text, usage(response.getMetadata()), ToolMessages.calls(message));
    }

    /**
     * Tokens only when the provider gave both counts. Spring AI answers an unknown usage with an empty one whose
     * counts are 0 or null; reporting that as 0 tokens would make the call look free in the cost metrics.
     */
    static TokenUsage usage(ChatResponseMetadata metadata) {
        Usage usage = metadata == null ? null : metadata.getUsage();
        if (usage == null || usage.getPromptTokens() == null || usage.getCompletionTokens() == null) {
            return null;
        }
        int in = usage.getPromptTokens();
        int out = usage.getCompletionTokens();
        if (in == 0 && out == 0) {
            return null;
        }
        return new TokenUsage(in, out);
    }
}
