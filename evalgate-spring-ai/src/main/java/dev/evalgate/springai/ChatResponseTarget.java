package dev.evalgate.springai;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import org.springframework.ai.chat.model.ChatResponse;

import java.util.Objects;
import java.util.function.Function;

/**
 * A target that calls the application's own code, which answers with a Spring AI {@link ChatResponse}: a service
 * method with its prompt, advisors and post-processing, measured with the tokens of the response.
 *
 * <pre>{@code
 * Target target = ChatResponseTarget.of(request -> supportAssistant.answer(request.userText()));
 * }</pre>
 *
 * <p>The reply is the response's text, its token usage (so the run can report cost) and its tool calls; Spring AI
 * and HTTP failures are translated as {@link ChatModelTarget}'s are, so the runner retries rate limits and timeouts.
 */
public final class ChatResponseTarget implements Target {

    private final Function<Request, ChatResponse> call;

    private ChatResponseTarget(Function<Request, ChatResponse> call) {
        this.call = Objects.requireNonNull(call, "call");
    }

    public static ChatResponseTarget of(Function<Request, ChatResponse> call) {
        return new ChatResponseTarget(call);
    }

    @Override
    public Reply call(Request request) {
        ChatResponse response;
        try {
            response = call.apply(request);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        return Replies.of(response);
    }
}
