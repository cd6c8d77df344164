package dev.evalgate.springai;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A target that asks a Spring AI {@link ChatClient} for each case, with the client's default system text,
 * advisors (memory, retrieval) and tools applied, and reports the tokens of the response it returns.
 *
 * <pre>{@code
 * ChatClient client = ChatClient.builder(model).defaultSystem("Answer in one sentence.").build();
 * Target target = ChatClientTarget.of(client);
 * // or shape the call the way the application does:
 * Target custom = ChatClientTarget.of(client, (c, request) -> c.prompt().user(request.userText()));
 * }</pre>
 *
 * <p>{@link #of(ChatClient)} sends the suite's rendered system prompt (when it has one) and user prompt. A client
 * whose advisors run tools itself returns only the final answer: its tool calls are not seen by evalgate, and the
 * tokens are those of the last model call.
 */
public final class ChatClientTarget implements Target {

    private final ChatClient client;
    private final BiFunction<ChatClient, Request, ChatClient.ChatClientRequestSpec> spec;

    private ChatClientTarget(ChatClient client, BiFunction<ChatClient, Request, ChatClient.ChatClientRequestSpec> spec) {
        this.client = Objects.requireNonNull(client, "client");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Each case as the suite's system prompt (if any) and user prompt. */
    public static ChatClientTarget of(ChatClient client) {
        return new ChatClientTarget(client, ChatClientTarget::standard);
    }

    /** Each case as {@code spec} builds the call from the client and the request. */
    public static ChatClientTarget of(ChatClient client,
                                      BiFunction<ChatClient, Request, ChatClient.ChatClientRequestSpec> spec) {
        return new ChatClientTarget(client, spec);
    }

    @Override
    public Reply call(Request request) {
        ChatResponse response;
        try {
            response = spec.apply(client, request).call().chatResponse();
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        return Replies.of(response);
    }

    /** As messages, not as {@code user(text)}: the client renders text as a template, and case inputs hold braces. */
    private static ChatClient.ChatClientRequestSpec standard(ChatClient client, Request request) {
        return client.prompt().messages(ChatModelTarget.messages(request));
    }
}
