package dev.evalgate.run;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process HTTP server on 127.0.0.1 and a port the OS chooses, answering every request at once with a fixed
 * JSON body: the stand-in targets' rehearsals call instead of their real, billed endpoints. Each target gets its own
 * base path, {@code /t0}, {@code /t1}, …, and its own body; a conversation's rehearsal gets more, one per answer
 * ({@link #serve}).
 */
final class StandInServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
    private final Map<String, byte[]> replies = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();

    private StandInServer(HttpServer server) {
        this.server = server;
    }

    static StandInServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInServer standIn = new StandInServer(server);
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    in.transferTo(OutputStream.nullOutputStream());
                    byte[] body = standIn.replies.getOrDefault(base(exchange.getRequestURI().getRawPath()), EMPTY);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.setExecutor(standIn.executor);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the harness warm-up", e);
        }
    }

    /** The base URI of target number {@code index}, {@code http://127.0.0.1:PORT/tINDEX}, no trailing slash. */
    URI uri(int index) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/t" + index);
    }

    /** What the stand-in answers every call under target {@code index}'s base path. */
    void reply(int index, String json) {
        replies.put("/t" + index, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A new base path answered with {@code json} every time, apart from the targets' own: the URI of a rehearsal copy
     * whose calls all get that answer.
     */
    URI serve(String json) {
        String base = "/a" + served.incrementAndGet();
        replies.put(base, json.getBytes(StandardCharsets.UTF_8));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + base);
    }

    /** The first segment of a path: {@code /t3} of {@code /t3/v1/chat/completions}. */
    private static String base(String path) {
        int next = path.indexOf('/', 1);
        return next < 0 ? path : path.substring(0, next);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
