package dev.evalgate.targets.internal;

import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One target's HTTP connection pool: sends a request and returns the body of a 2xx answer, or throws the
 * {@link TargetException} that classifies the failure, with secrets masked.
 */
public final class HttpTransport implements AutoCloseable {

    private final HttpClient client;
    private final Secrets secrets;
    private final AtomicBoolean closed = new AtomicBoolean();

    public HttpTransport(Duration connectTimeout, Secrets secrets) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                // The client's own work (reading a response, completing the caller's future) runs on its selector
                // thread instead of being handed to another thread per event: the calls wait in send(), nothing in
                // these steps blocks, and each hand-off cost a thread wake-up (about a fifth of a call's CPU).
                .executor(Runnable::run)
                .build();
        this.secrets = secrets;
    }

    /** A request builder for {@code uri} carrying the configured headers. */
    public static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        headers.forEach(builder::setHeader);
        return builder;
    }

    /**
     * Sends {@code request} and reads the body of a 2xx answer with {@code reader}; any failure, the reader's
     * included, comes out as a {@link TargetException} with secrets masked.
     */
    public <T> T exchange(HttpRequest request, Function<String, T> reader) throws InterruptedException {
        String body = send(request);
        try {
            return reader.apply(body);
        } catch (TargetException e) {
            throw masked(e);
        }
    }

    /**
     * Sends {@code request} and reads a 2xx answer into a reply with {@code reader}, stamped with its time on the
     * wire (request's last byte written to answer's last byte read); failures as {@link #exchange}.
     */
    public Reply reply(HttpRequest request, Function<String, Reply> reader) throws InterruptedException {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElse(null);
        StampedBody body = null;
        if (publisher != null && publisher.contentLength() != 0) {
            body = new StampedBody(publisher);
            request = HttpRequest.newBuilder(request, (name, value) -> true).method(request.method(), body).build();
        }
        StampedReading[] reading = new StampedReading[1];
        long sent = System.nanoTime(); // without a body, the request goes out as the client takes it
        String text = send(request, StampedReading.handler(reading));
        long read = reading[0] == null ? 0 : reading[0].read();
        long written = body == null ? sent : body.written();
        try {
            Reply reply = reader.apply(text);
            return read == 0 ? reply : reply.onWire(Math.max(0, read - written) / 1_000_000.0);
        } catch (TargetException e) {
            throw masked(e);
        }
    }

    /** The body of a 2xx answer. */
    public String send(HttpRequest request) throws InterruptedException {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String send(HttpRequest request, HttpResponse.BodyHandler<String> handler) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request, handler);
        } catch (IOException e) {
            throw masked(HttpFailures.forException(e, request.uri()));
        } catch (IllegalArgumentException e) {
            throw TargetException.fatal("bad_request", secrets.mask("cannot send to " + HttpFailures.where(request.uri())
                    + ": " + e.getMessage()));
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            // masked before the provider's text is shortened, so a key across the cut cannot leave its start
            throw masked(HttpFailures.forStatus(status, response.headers(), secrets.mask(response.body()),
                    request.uri(), Instant.now()));
        }
        return response.body();
    }

    /** The same failure with every secret masked in its message. */
    public TargetException masked(TargetException e) {
        String message = secrets.mask(e.getMessage());
        if (message.equals(e.getMessage())) {
            return e;
        }
        return e instanceof TargetException.Retriable r
                ? TargetException.retriable(e.kind(), message, r.retryAfter().orElse(null), null)
                : TargetException.fatal(e.kind(), message);
    }

    /** The client itself, for the streaming exchange in this package. */
    HttpClient client() {
        return client;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** Closes the connection pool; later calls fail. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.shutdownNow();
        }
    }
}
