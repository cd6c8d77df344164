package dev.evalgate.springai;

import dev.evalgate.error.TargetException;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translation from the exceptions a Spring AI model throws to evalgate's retriable and fatal target failures.
 *
 * <p>Spring AI 2.0 has no exception hierarchy of its own for provider errors: models on the providers' Java SDKs
 * (OpenAI, Anthropic) throw the SDK's exceptions, which carry the HTTP status as {@code statusCode()}; models on
 * Spring's {@code RestClient} throw {@code RestClientResponseException} ({@code getStatusCode().value()}) or
 * Spring AI's {@link TransientAiException} / {@link NonTransientAiException}. So the status is read by those
 * method names, without depending on any provider, and timeouts and I/O failures are found in the cause chain.
 * Kinds match the HTTP targets' ({@code http_429}, {@code timeout}, {@code connection}, {@code http_401}), so a
 * run over a Spring AI model counts errors the way one over the {@code openai} kind does. Anything else is
 * returned unchanged: the runner records it as fatal under its class name.
 */
final class Failures {

    private static final Pattern STATUS_IN_TEXT = Pattern.compile("(?i)\\b(?:HTTP|status(?: code)?)[ :=]*([45]\\d\\d)\\b");

    private Failures() {
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof TargetException) {
            return e;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            OptionalInt status = status(t);
            if (status.isPresent()) {
                return byStatus(status.getAsInt(), message, e, RetryAfter.of(t, Instant.now()).orElse(null));
            }
            if (isTimeout(t)) {
                return TargetException.retriable("timeout", "timed out: " + message, null, e);
            }
            if (t instanceof TransientAiException) {
                return textStatus(t).<RuntimeException>map(s -> byStatus(s, message, e, null))
                        .orElseGet(() -> TargetException.retriable("retriable", message, null, e));
            }
            if (t instanceof NonTransientAiException) {
                return textStatus(t).<RuntimeException>map(s -> byStatus(s, message, e, null))
                        .orElseGet(() -> TargetException.fatal("rejected", message, e));
            }
            if (t instanceof IOException) {
                return TargetException.retriable("connection", "connection failed: " + message, null, e);
            }
        }
        return e;
    }

    /**
     * Same split as the HTTP targets: 408, 409, 429 and 5xx are worth another try, after the wait the provider asked
     * for when it said; other 4xx are not.
     */
    private static RuntimeException byStatus(int status, String message, RuntimeException e, Duration retryAfter) {
        String kind = "http_" + status;
        String text = "HTTP " + status + ": " + message + hint(status);
        boolean retriable = status == 408 || status == 409 || status == 429 || status >= 500;
        if (retriable) {
            return TargetException.retriable(kind, text, retryAfter, e);
        }
        return status >= 400 ? TargetException.fatal(kind, text, e) : e;
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (check the API key given to the model)";
            case 404 -> " (check the model name and base URL given to the model)";
            default -> "";
        };
    }

    /** The HTTP status an SDK or Spring exception carries, read by method name; empty for other exceptions. */
    private static OptionalInt status(Throwable t) {
        Object value = invoke(t, "statusCode");
        if (value == null) {
            Object code = invoke(t, "getStatusCode");
            value = code == null ? null : invoke(code, "value");
        }
        if (value instanceof Integer status && status >= 100 && status <= 599) {
            return OptionalInt.of(status);
        }
        return OptionalInt.empty();
    }

    private static Object invoke(Object target, String name) {
        try {
            Method method = target.getClass().getMethod(name);
            return method.getParameterCount() == 0 ? method.invoke(target) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Spring AI's retry exceptions carry the status only in their text, e.g. {@code HTTP 429 - Too many requests}. */
    private static java.util.Optional<Integer> textStatus(Throwable t) {
        Matcher m = STATUS_IN_TEXT.matcher(t.getMessage() == null ? "" : t.getMessage());
        return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
    }

    private static boolean isTimeout(Throwable t) {
        if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                || t instanceof java.util.concurrent.TimeoutException) {
            return true;
        }
        // OkHttp, under the OpenAI SDK, reports a call timeout as a bare InterruptedIOException("timeout")
        return t instanceof InterruptedIOException && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).contains("timeout");
    }
}
