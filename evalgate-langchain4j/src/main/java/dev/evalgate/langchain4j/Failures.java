package dev.evalgate.langchain4j;

import dev.evalgate.error.TargetException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;

/**
 * The translation from LangChain4j's exception types to evalgate's retriable and fatal target failures.
 *
 * <p>Kinds match the ones the HTTP targets use ({@code http_429}, {@code timeout}, {@code http_401}), so a run
 * over a LangChain4j model and one over the {@code openai} kind count errors the same way. Exceptions
 * LangChain4j does not classify are returned unchanged: the runner records them under their class name.
 */
final class Failures {

    private Failures() {
    }

    static RuntimeException translate(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Subtypes first: ContentFilteredException is an InvalidRequestException, RateLimitException a RetriableException.
        if (e instanceof RateLimitException) {
            return TargetException.retriable("http_429", "rate limited: " + message, null, e);
        }
        if (e instanceof TimeoutException) {
            return TargetException.retriable("timeout", "timed out: " + message, null, e);
        }
        if (e instanceof InternalServerException) {
            return TargetException.retriable("http_500", "server error: " + message, null, e);
        }
        if (e instanceof AuthenticationException) {
            return TargetException.fatal("http_401", "authentication failed: " + message
                    + " (check the API key given to the model)", e);
        }
        if (e instanceof ModelNotFoundException) {
            return TargetException.fatal("http_404", "model not found: " + message
                    + " (check the model name given to the model)", e);
        }
        if (e instanceof ContentFilteredException) {
            return TargetException.fatal("content_filtered", "blocked by the provider's content filter: " + message, e);
        }
        if (e instanceof InvalidRequestException) {
            return TargetException.fatal("http_400", "invalid request: " + message, e);
        }
        if (e instanceof HttpException http) {
            return byStatus(http.statusCode(), message, e);
        }
        if (e instanceof RetriableException) {
            return TargetException.retriable("retriable", message, null, e);
        }
        return e;
    }

    /** Same split as the HTTP targets: 408, 409, 429 and 5xx are worth another try, other 4xx are not. */
    private static RuntimeException byStatus(int status, String message, RuntimeException e) {
        String kind = "http_" + status;
        String text = "HTTP " + status + ": " + message;
        boolean retriable = status == 408 || status == 409 || status == 429 || status >= 500;
        if (retriable) {
            return TargetException.retriable(kind, text, null, e);
        }
        return status >= 400 ? TargetException.fatal(kind, text, e) : e;
    }
}
