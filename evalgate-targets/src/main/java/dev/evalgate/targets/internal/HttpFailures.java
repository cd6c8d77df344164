package dev.evalgate.targets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.error.TargetException;
import dev.evalgate.targets.wire.Proxies;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The classification of HTTP failures: a status or an I/O error becomes a {@link TargetException} of the right
 * class and kind.
 *
 * <p>429, 408, 409 and 5xx are worth retrying, honouring Retry-After; other 4xx are fatal. Every failure to
 * connect or read is retried as {@code connection}. A 2xx body that is not JSON at all, or whose JSON is cut short,
 * is retried too ({@code malformed_response}): it is what a proxy's error page, a dropped stream or an overloaded
 * gateway leaves behind, a transfer fault like a reset, not the model's answer. Well-formed JSON that lacks the
 * answer is fatal: the server said what it meant, and would say it again.
 */
public final class HttpFailures {

    static final int BODY_SHOWN = 200;

    private HttpFailures() {
    }

    /** The failure for a non-2xx answer; the message carries the provider's own error text when it sent one. */
    public static TargetException forStatus(int status, Function<String, Optional<String>> headers, String body, URI uri,
                                            Instant now) {
        String kind = "http_" + status;
        String message = "HTTP " + status + " from " + where(uri) + providerMessage(body) + hint(status);
        if (status == 429 || status == 408 || status == 409 || status >= 500) {
            return TargetException.retriable(kind, message, retryAfter(headers, now).orElse(null), null);
        }
        return TargetException.fatal(kind, message);
    }

    /** The failure for an exception thrown while sending or reading. */
    public static TargetException forException(IOException e, URI uri) {
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        if (e instanceof HttpConnectTimeoutException) {
            return TargetException.retriable("connection", "could not connect to " + host
                    + " within the connect timeout; is the server up and reachable?", null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return TargetException.retriable("timeout", "no answer from " + where(uri) + " in time", null, e);
        }
        if (e instanceof Proxies.SettingException) {
            return TargetException.fatal("proxy", e.getMessage());
        }
        if (e instanceof SSLException && !(e.getCause() instanceof IOException)) {
            return tls((SSLException) e, host);
        }
        if (e instanceof UnknownHostException) {
            return TargetException.retriable("connection", "cannot connect to " + host + ": "
                    + e.getMessage() + "; check the host name in the target's URL", null, e);
        }
        if (e instanceof ConnectException) {
            return TargetException.retriable("connection", "cannot connect to " + host
                    + " (connection refused); is the server running on that port?", null, e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return TargetException.retriable("connection", "connection to " + host + " failed: " + detail, null, e);
    }

    /**
     * A TLS failure that a retry would meet again: a certificate not trusted or not made for the host, or a server
     * that does not speak TLS at all. (One caused by the connection breaking is a connection failure instead.)
     */
    private static TargetException tls(SSLException e, String host) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.contains("unrecognized SSL message") || detail.contains("plaintext connection")) {
            return TargetException.fatal("tls", host + " did not answer in TLS; if it serves plain HTTP, the"
                    + " target's URL should start with http:// instead of https://");
        }
        if (e instanceof SSLHandshakeException && (detail.contains("PKIX") || detail.contains("certification path")
                || detail.contains("subject alternative") || detail.contains("No name matching"))) {
            return TargetException.fatal("tls", "the TLS certificate of " + host + " was refused: " + detail
                    + ". If the server's certificate comes from a private CA, give the JVM a trust store that"
                    + " holds it: JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=/path/to/truststore.p12");
        }
        return TargetException.fatal("tls", "the TLS handshake with " + host + " failed: " + detail);
    }

    /**
     * The JSON of a 2xx body; a body that is empty, not JSON or cut short is a retriable {@code malformed_response}
     * whose message is {@code what} followed by the start of the body.
     */
    public static JsonNode readJson(String body, String what) {
        JsonNode root;
        try {
            root = Texts.JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            throw TargetException.retriable("malformed_response", what + "; the response "
                    + (body == null || body.isBlank() ? "was empty" : "began: " + Texts.head(body, BODY_SHOWN)));
        }
        return root;
    }

    /** The answer was 2xx, well-formed JSON, but not what the protocol promises; {@code what} says what was missing. */
    public static TargetException malformed(String what, String body) {
        return TargetException.fatal("malformed_response", what + "; the response began: "
                + Texts.head(body, BODY_SHOWN));
    }

    /** The wait a server asked for: {@code retry-after-ms}, or {@code Retry-After} as seconds or an HTTP date. */
    public static Optional<Duration> retryAfter(Function<String, Optional<String>> headers, Instant now) {
        Optional<String> millis = headers.apply("retry-after-ms");
        if (millis.isPresent()) {
            Optional<Duration> parsed = seconds(millis.get(), 0.001);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return headers.apply("retry-after").flatMap(value -> seconds(value, 1).or(() -> date(value, now)));
    }

    private static Optional<Duration> seconds(String value, double unitSeconds) {
        try {
            double amount = Double.parseDouble(value.trim());
            if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(Math.round(amount * unitSeconds * 1e9)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The provider's error text: {@code error.message}, {@code error} or {@code message} of a JSON body. */
    static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = Texts.JSON.readTree(body);
            JsonNode error = root.path("error");
            JsonNode text = error.path("message").isTextual() ? error.path("message")
                    : error.isTextual() ? error : root.path("message").isTextual() ? root.path("message")
                    : root.path("detail");
            if (text.isTextual()) {
                return ": " + Texts.head(text.textValue(), BODY_SHOWN);
            }
        } catch (IOException e) {
            // Not JSON: show the start of it as it is.
        }
        return ": " + Texts.head(body.strip(), BODY_SHOWN);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> ". Check the target's 'api_key' (or its Authorization header).";
            case 403 -> ". The key was refused for this model or endpoint; check 'api_key' and 'model'.";
            case 404 -> ". Check the target's URL ('base_url' or 'url') and 'model'.";
            case 400, 422 -> ". The server rejected the request; check the target's options.";
            case 429 -> ". Rate limited; lower 'concurrency' or set 'requests_per_minute'.";
            default -> "";
        };
    }

    /** The URL without query or user info, which may hold credentials. */
    static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
