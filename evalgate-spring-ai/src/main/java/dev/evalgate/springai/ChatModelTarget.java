package dev.evalgate.springai;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A target that sends each case to a Spring AI {@link ChatModel} and reports the tokens the provider counted.
 *
 * <p>Every call is one prompt: a system message when the suite's prompt has one, then the user message (the
 * rendered prompt, or the case input when there is no prompt). The model is the application's own bean or one
 * built by the caller, with its model name, temperature and timeouts, for example:
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()
 *         .options(OpenAiChatOptions.builder().model("gpt-4o-mini").maxRetries(0).build()).build();
 * Target target = ChatModelTarget.of(model);
 * }</pre>
 *
 * <p>In a conversation the prompt carries every turn so far and the suite's tools (as definitions only: the
 * runner plays the tools from the suite's scripts), and the assistant message's tool calls come back as tool
 * calls for the runner's agent loop.
 *
 * <p>Turn the client's own retries off ({@code maxRetries(0)}): the runner retries rate limits and timeouts
 * itself, with backoff it records, and a client that retries inside one call makes that call's latency include
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
            response = model.call(prompt(request, model.getDefaultOptions()));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        return Replies.of(response);
    }

    static Prompt prompt(Request request, org.springframework.ai.chat.prompt.ChatOptions defaults) {
        if (request.conversation() != null) {
            return ToolMessages.prompt(request.conversation(), defaults);
        }
        return new Prompt(messages(request));
    }

    static List<Message> messages(Request request) {
        List<Message> messages = new ArrayList<>(2);
        String system = request.systemText();
        if (system != null && !system.isBlank()) {
            messages.add(new SystemMessage(system));
        }
        messages.add(new UserMessage(request.userText()));
        return messages;
    }
}
