package dev.evalgate.springai;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The wait a provider asked for on a rate-limited or overloaded answer, read from the headers an exception carries:
 * the provider SDKs' {@code headers().values(name)} or Spring's {@code getResponseHeaders().getFirst(name)}.
 *
 * <p>{@code retry-after-ms} (OpenAI's) wins over {@code Retry-After}, which is seconds or an HTTP date. Headers are
 * read by method name, as {@link Failures} reads the status, so no provider SDK is needed at compile time.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> of(Throwable t, Instant now) {
        Optional<Duration> millis = header(t, "retry-after-ms").flatMap(v -> number(v, 1));
        if (millis.isPresent()) {
            return millis;
        }
        return header(t, "retry-after").flatMap(v -> number(v, 1000).or(() -> date(v, now)));
    }

    private static Optional<String> header(Throwable t, String name) {
        Object sdk = invoke(t, "headers");
        if (sdk != null && invoke(sdk, "values", name) instanceof List<?> values && !values.isEmpty()) {
            return Optional.of(String.valueOf(values.getFirst()));
        }
        Object spring = invoke(t, "getResponseHeaders");
        if (spring != null && invoke(spring, "getFirst", name) instanceof String value) {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    /** A non-negative number of units of {@code millisPerUnit}, possibly fractional. */
    private static Optional<Duration> number(String value, long millisPerUnit) {
        try {
            double amount = Double.parseDouble(value.strip());
            return amount >= 0 && amount < 86_400_000 ? Optional.of(Duration.ofMillis(Math.round(amount * millisPerUnit)))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Object invoke(Object target, String name, Object... args) {
        try {
            for (Method method : target.getClass().getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == args.length
                        && (args.length == 0 || method.getParameterTypes()[0] == String.class)) {
                    return method.invoke(target, args);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a method of that name that does something else: no header from it
        }
        return null;
    }
}
