package dev.evalgate.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 with an OS-chosen port, for tests of anything that calls HTTP.
 *
 * <p>It records every request and answers from a script: queued responses first, in order, then the responder
 * (by default a 404 saying nothing was scripted). Responses may be delayed or may drop the connection.
 */
public final class LoopbackServer implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on by default; with the client's delayed ACKs that adds up to
        // 40 ms to small responses, which would be measured as the target's latency.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<ScriptedResponse> queued = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile Function<RecordedRequest, ScriptedResponse> responder =
            request -> ScriptedResponse.text(404, "no response scripted for " + request.method() + " " + request.path());

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server; fails the test with an unchecked exception if no port can be bound. */
    public static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a loopback HTTP server", e);
        }
    }

    /** Answers requests that no queued response is left for. */
    public LoopbackServer respondWith(Function<RecordedRequest, ScriptedResponse> responder) {
        this.responder = responder;
        return this;
    }

    /** Queues responses, served one per request in order before the responder is asked. */
    public LoopbackServer enqueue(ScriptedResponse... responses) {
        queued.addAll(List.of(responses));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Every request received so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RecordedRequest request;
        synchronized (requests) {
            request = new RecordedRequest(requests.size(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, arrived);
            requests.add(request);
        }
        ScriptedResponse response = queued.poll();
        if (response == null) {
            response = responder.apply(request);
        }
        if (!response.delay().isZero()) {
            try {
                Thread.sleep(response.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        if (response.drop()) {
            // Throwing before any response header makes the JDK server close the socket without a status line.
            throw new IOException("connection dropped on purpose by the test script");
        }
        send(exchange, response);
    }

    private static void send(HttpExchange exchange, ScriptedResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops at once; handlers still delaying are interrupted. Safe to call twice. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
