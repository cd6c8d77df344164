package dev.evalgate.targets.internal;

import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.targets.wire.Http1Client;
import dev.evalgate.targets.wire.Proxies;
import dev.evalgate.targets.wire.WireRequest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One target's HTTP connection pool: sends a request and reads a 2xx answer into a {@link Reply} stamped with its
 * time on the wire, or throws the {@link TargetException} that classifies the failure, with secrets masked.
 */
public final class HttpTransport implements AutoCloseable {

    private final Http1Client client;
    private final Secrets secrets;

    public HttpTransport(Duration connectTimeout, Secrets secrets) {
        this(new Http1Client(connectTimeout, Proxies.fromSystem()), secrets);
    }

    public HttpTransport(Http1Client client, Secrets secrets) {
        this.client = client;
        this.secrets = secrets;
    }

    /**
     * Sends {@code request} and reads a 2xx answer into a reply with {@code reader}, stamped with its time on the
     * wire (request's last byte written to answer's last byte read), so parsing is not counted as the target's
     * time; any failure, the reader's included, comes out as a {@link TargetException} with secrets masked.
     */
    public Reply reply(WireRequest request, Function<String, Reply> reader) throws InterruptedException {
        Received received = send(request, response -> {
            String text = response.text();
            if (response.status() / 100 != 2) {
                // masked before the provider's text is shortened, so a key across the cut cannot leave its start
                throw HttpFailures.forStatus(response.status(), response.head()::header, secrets.mask(text),
                        request.uri(), Instant.now());
            }
            return new Received(text, response.written(), response.ended());
        });
        Reply reply;
        try {
            reply = reader.apply(received.text());
        } catch (TargetException e) {
            throw masked(e);
        }
        return reply.onWire(Math.max(0, received.ended() - received.written()) / 1_000_000.0);
    }

    /** The body of a 2xx answer with its stamps. */
    private record Received(String text, long written, long ended) {
    }

    /**
     * Sends {@code request} and lets {@code handler} read the answer; I/O failures, a refused request and the
     * handler's own {@link TargetException} come out as a {@link TargetException} with secrets masked.
     */
    <T> T send(WireRequest request, Http1Client.Handler<T> handler) throws InterruptedException {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw masked(HttpFailures.forException(e, request.uri()));
        } catch (TargetException e) {
            throw masked(e);
        }
    }

    /**
     * Opens up to {@code count} connections to {@code uri}'s origin at once and leaves them in the pool, so the
     * first calls of a measured run find them open as later calls do (a server's accepting a new connection is
     * otherwise timed in the first call on it); nothing is sent. Returns how many opened; one that fails is left
     * for the calls to report.
     */
    public int open(URI uri, int count) throws InterruptedException {
        AtomicInteger opened = new AtomicInteger();
        List<Thread> openers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            openers.add(Thread.ofVirtual().name("evalgate-connect").start(() -> {
                try {
                    client.open(uri);
                    opened.incrementAndGet();
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // the calls meet the same problem and report it, classified, case by case
                }
            }));
        }
        for (Thread opener : openers) {
            opener.join();
        }
        return opened.get();
    }

    /**
     * A request to send; a header the HTTP protocol does not allow (a line break in a value, a framing header) is
     * refused here as a fatal {@code bad_request}, with secrets masked.
     */
    public WireRequest request(String method, URI uri, Map<String, String> headers, byte[] body) {
        try {
            return new WireRequest(method, uri, headers, body);
        } catch (IllegalArgumentException e) {
            throw TargetException.fatal("bad_request", secrets.mask("cannot send to " + HttpFailures.where(uri)
                    + ": " + e.getMessage()));
        }
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

    public Secrets secrets() {
        return secrets;
    }

    /** Closes the connection pool. Safe to call twice. */
    @Override
    public void close() {
        client.close();
    }
}
