package dev.evalgate.targets.wire;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A lean HTTP/1.1 client: one blocking connection per call in flight, kept alive and pooled per origin, with
 * redirects followed and TLS for https. A call costs its own work and the socket's, nothing more: no selector
 * thread, no hand-off between threads, no reactive pipeline, which on a small machine is most of a call's CPU.
 *
 * <p>An interrupted caller gets out at once with {@link InterruptedException} (the connection is dropped), so a
 * call's timeout can stop a hung server. A pooled connection the server had already closed is replaced
 * transparently when nothing of the answer came back on it.
 */
public final class Http1Client implements AutoCloseable {

    private static final int MAX_REDIRECTS = 5;
    /** How long an idle connection is kept when the server does not say (Keep-Alive: timeout=...). */
    private static final long DEFAULT_IDLE_NANOS = 60_000_000_000L;

    private final Duration connectTimeout;
    private final Proxies proxies;
    private final ConcurrentHashMap<Origin, ConcurrentLinkedDeque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private volatile SSLContext tls;
    private volatile boolean closed;

    public Http1Client(Duration connectTimeout, Proxies proxies) {
        this.connectTimeout = connectTimeout;
        this.proxies = proxies;
    }

    /** A client for the TLS trust of {@code context} instead of the JDK's default one. */
    public Http1Client(Duration connectTimeout, Proxies proxies, SSLContext context) {
        this(connectTimeout, proxies);
        this.tls = context;
    }

    /** What a caller does with a response: read as much of it as it needs and turn it into a value. */
    @FunctionalInterface
    public interface Handler<T> {
        T handle(WireResponse response) throws IOException, InterruptedException;
    }

    /**
     * Sends {@code request}, following redirects, and hands the final response to {@code handler}. The connection
     * goes back to the pool when the handler has read the body to its end, and is closed otherwise.
     *
     * @throws IOException          the request could not be sent or the answer not read
     * @throws InterruptedException the calling thread was interrupted; the connection is dropped
     */
    public <T> T send(WireRequest request, Handler<T> handler) throws IOException, InterruptedException {
        WireRequest current = request;
        for (int redirects = 0; ; redirects++) {
            WireResponse response = exchange(current);
            Optional<URI> next;
            try {
                next = redirects < MAX_REDIRECTS ? redirect(current, response) : Optional.empty();
            } catch (IOException e) {
                response.connection().close();
                throw failure(e);
            }
            if (next.isPresent()) {
                release(response); // its body was read: the connection serves the next request
                current = current.redirectedTo(next.get(), response.status());
                continue;
            }
            try {
                return handler.handle(response);
            } catch (ClosedByInterruptException e) {
                throw interrupted();
            } catch (IOException e) {
                throw failure(e);
            } finally {
                // kept when its body was read to the end, even if the handler then refused it (a 429 says so):
                // the next call need not connect anew
                release(response);
            }
        }
    }

    /**
     * Opens a connection to {@code uri}'s origin (through its proxy, TLS handshake included) and leaves it idle in
     * the pool, so a later call finds it open; nothing is sent on it.
     *
     * @throws IOException          the connection could not be opened
     * @throws InterruptedException the calling thread was interrupted
     */
    public void open(URI uri) throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the client has been closed");
        }
        Origin origin = Origin.of(uri);
        Http1Connection connection;
        try {
            connection = connect(origin, proxies.route(origin));
        } catch (ClosedByInterruptException e) {
            throw interrupted();
        } catch (IOException e) {
            throw failure(e);
        }
        connection.idleUntil(System.nanoTime() + DEFAULT_IDLE_NANOS);
        idle.computeIfAbsent(origin, o -> new ConcurrentLinkedDeque<>()).offerLast(connection);
        if (closed) {
            closeIdle();
        }
    }

    /** Writes the request on a pooled or new connection and reads the response's head. */
    private WireResponse exchange(WireRequest request) throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the client has been closed");
        }
        Origin origin = Origin.of(request.uri());
        Optional<Proxies.Route> proxy = proxies.route(origin);
        List<byte[]> bytes = encode(request, origin, proxy.filter(p -> !origin.tls()));
        while (true) {
            Http1Connection connection = pooled(origin);
            boolean reused = connection != null;
            try {
                if (connection == null) {
                    connection = connect(origin, proxy);
                }
                long received = connection.bytesRead();
                try {
                    long written = connection.write(bytes);
                    ResponseHead head = ResponseHead.read(connection);
                    return new WireResponse(connection, head, written, request.method().equals("HEAD"));
                } catch (IOException e) {
                    connection.close();
                    // a kept-alive connection the server closed while it sat idle: nothing was answered, try anew
                    if (reused && connection.bytesRead() == received && !Thread.currentThread().isInterrupted()) {
                        continue;
                    }
                    throw e;
                }
            } catch (ClosedByInterruptException e) {
                throw interrupted();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    private Http1Connection connect(Origin origin, Optional<Proxies.Route> proxy) throws IOException {
        if (proxy.isEmpty()) {
            return Http1Connection.open(origin, resolve(origin), connectTimeout, origin.tls() ? tls() : null);
        }
        InetSocketAddress at = proxy.get().address();
        if (at.isUnresolved()) {
            at = new InetSocketAddress(at.getHostString(), at.getPort());
            if (at.isUnresolved()) {
                throw new UnknownHostException("cannot resolve the proxy's host name '" + at.getHostString() + "'");
            }
        }
        Http1Connection connection = Http1Connection.open(origin, at, connectTimeout, null);
        return origin.tls() ? Proxies.tunnel(connection, proxy.get()).secured(tls()) : connection;
    }

    private static InetSocketAddress resolve(Origin origin) throws UnknownHostException {
        InetSocketAddress address = new InetSocketAddress(origin.address(), origin.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot resolve the host name '" + origin.address() + "'");
        }
        return address;
    }

    private Http1Connection pooled(Origin origin) {
        ConcurrentLinkedDeque<Http1Connection> connections = idle.get(origin);
        if (connections == null) {
            return null;
        }
        long now = System.nanoTime();
        for (Http1Connection c = connections.pollFirst(); c != null; c = connections.pollFirst()) {
            if (!c.expired(now)) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Back to the pool when its body was read whole and the server keeps it open; else closed. */
    private void release(WireResponse response) {
        Http1Connection connection = response.connection();
        if (!response.reusable() || closed) {
            connection.close();
            return;
        }
        connection.idleUntil(System.nanoTime() + idleNanos(response.head()));
        idle.computeIfAbsent(connection.origin(), o -> new ConcurrentLinkedDeque<>()).offerFirst(connection);
        if (closed) {
            closeIdle();
        }
    }

    /** The server's keep-alive timeout less a second, so the connection is dropped before the server drops it. */
    private static long idleNanos(ResponseHead head) {
        Optional<String> keepAlive = head.header("keep-alive");
        if (keepAlive.isPresent()) {
            for (String part : keepAlive.get().split(",")) {
                String[] pair = part.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("timeout")) {
                    try {
                        return Math.max(0, Long.parseLong(pair[1].strip()) - 1) * 1_000_000_000L;
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
        }
        return DEFAULT_IDLE_NANOS;
    }

    private static Optional<URI> redirect(WireRequest request, WireResponse response) throws IOException {
        int status = response.status();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        Optional<String> location = response.head().header("location");
        if (location.isEmpty()) {
            return Optional.empty();
        }
        URI target;
        try {
            target = request.uri().resolve(location.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme();
        // never from https down to http, which would send the request's headers (its key) in the clear
        if (!scheme.equalsIgnoreCase("https") && !(scheme.equalsIgnoreCase("http")
                && request.uri().getScheme().equalsIgnoreCase("http")) || target.getHost() == null) {
            return Optional.empty();
        }
        response.bytes(); // the redirect's own body, read so the connection can be reused
        return Optional.of(target);
    }

    /** The request's head and body, ready to write; behind a proxy, plain http names the whole URI. */
    private static List<byte[]> encode(WireRequest request, Origin origin, Optional<Proxies.Route> viaProxy) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = (viaProxy.isPresent() ? "http://" + origin.authority() : "") + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(256 + 64 * request.headers().size())
                .append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(origin.authority()).append("\r\n");
        viaProxy.flatMap(Proxies.Route::authorization)
                .ifPresent(credentials -> head.append("Proxy-Authorization: ").append(credentials).append("\r\n"));
        if (!request.has("user-agent")) {
            head.append("User-Agent: evalgate\r\n");
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        byte[] body = request.body();
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (request.method().equals("POST") || request.method().equals("PUT")
                || request.method().equals("PATCH")) {
            head.append("Content-Length: 0\r\n"); // some servers refuse such a request without a length (411)
        }
        head.append("\r\n");
        List<byte[]> bytes = new ArrayList<>(2);
        bytes.add(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null && body.length > 0) {
            bytes.add(body);
        }
        return bytes;
    }

    private SSLContext tls() throws IOException {
        SSLContext context = tls;
        if (context == null) {
            try {
                context = SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("TLS is not available in this Java runtime: " + e.getMessage(), e);
            }
            tls = context;
        }
        return context;
    }

    /** {@code e}, unless it was the thread's interrupt that broke the connection; then the interrupt. */
    private static IOException failure(IOException e) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted();
        }
        return e;
    }

    private static InterruptedException interrupted() {
        Thread.interrupted(); // the exception carries the interrupt from here on
        return new InterruptedException("the call was interrupted");
    }

    private void closeIdle() {
        idle.values().forEach(connections -> {
            for (Http1Connection c = connections.pollFirst(); c != null; c = connections.pollFirst()) {
                c.close();
            }
        });
    }

    /** Closes the idle connections; connections in use close when their call ends. Safe to call twice. */
    @Override
    public void close() {
        closed = true;
        closeIdle();
    }
}
