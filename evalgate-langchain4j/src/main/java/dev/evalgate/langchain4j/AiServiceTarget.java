package dev.evalgate.langchain4j;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;

import java.util.Objects;
import java.util.function.Function;

/**
 * A target that asks a LangChain4j AI service (the interface proxy {@code AiServices} builds) for each case.
 *
 * <p>An AI service is just an interface, so any lambda that calls it is a target; this class adds only the
 * translation of LangChain4j's exceptions, so rate limits and timeouts are retried by the runner:
 *
 * <pre>{@code
 * interface Assistant { String answer(String question); }
 * Assistant assistant = AiServices.create(Assistant.class, model);
 * Target target = AiServiceTarget.of(request -> assistant.answer(request.userText()));
 * }</pre>
 *
 * <p>The service returns text only, so replies carry no token usage and the run reports no cost for this
 * target. To measure cost, evaluate the service's {@code ChatModel} with {@link ChatModelTarget} instead, which
 * passes on the provider's token counts. The rendered system prompt ({@link Request#systemText()}) is not sent
 * here: the service's own {@code @SystemMessage} applies.
 *
 * <p>Its replies carry no tool calls, unlike {@link ChatModelTarget}'s: an AI service runs its own agent loop and
 * executes its own {@code @Tool} methods within one call, so evalgate cannot answer them from a case's scripted tool
 * results, and the calls the service made are not returned to it. To score a LangChain4j assistant's tool calls,
 * declare the tools in the suite and evaluate the service's {@code ChatModel} with {@link ChatModelTarget}, so the
 * runner plays the loop.
 */
public final class AiServiceTarget implements Target {

    private final Function<Request, String> call;

    private AiServiceTarget(Function<Request, String> call) {
        this.call = Objects.requireNonNull(call, "call");
    }

    /** A target whose answer is what {@code call} returns for the request; tokens are unknown. */
    public static AiServiceTarget of(Function<Request, String> call) {
        return new AiServiceTarget(call);
    }

    @Override
    public Reply call(Request request) {
        try {
            return Reply.of(call.apply(request));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }
}
