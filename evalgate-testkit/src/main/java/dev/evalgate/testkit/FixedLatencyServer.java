package dev.evalgate.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every POST with a JSON body after an exact delay.
 *
 * <p>It exists for latency assertions: the JDK's {@code HttpServer} adds several milliseconds of its own per
 * exchange on a small machine, which a test of "p95 within the server's latency + 10 ms" would wrongly charge to the
 * client. This one reads the request line, the headers and a {@code Content-Length} body on a virtual thread per
 * connection, keeps connections alive, and does nothing else: no chunked bodies, no TLS, no routing.
 */
public final class FixedLatencyServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Duration delay;
    private final UnaryOperator<String> responder;
    private final AtomicInteger requests = new AtomicInteger();

    private FixedLatencyServer(Duration delay, UnaryOperator<String> responder) throws IOException {
        this.delay = delay;
        this.responder = responder;
        this.socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fixed-latency-accept").start(this::accept);
    }

    /** Starts a server that answers each request body with {@code responder}'s JSON after {@code delay}. */
    public static FixedLatencyServer start(Duration delay, UnaryOperator<String> responder) {
        try {
            return new FixedLatencyServer(delay, responder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a loopback HTTP server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public int requestCount() {
        return requests.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection;
             InputStream in = new BufferedInputStream(connection.getInputStream());
             BufferedOutputStream out = new BufferedOutputStream(connection.getOutputStream())) {
            while (true) {
                int length = readHeaders(in);
                if (length < 0) {
                    return;
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                requests.incrementAndGet();
                String answer = responder.apply(body);
                Thread.sleep(delay);
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client closed the connection, or the server is closing
        }
    }

    /** Reads the request line and headers; returns the Content-Length, or -1 at the end of the connection. */
    private static int readHeaders(InputStream in) throws IOException {
        int length = 0;
        boolean any = false;
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            any = true;
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return any ? length : -1;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return c == -1 && line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket twice, or after an error, leaves nothing to clean up
        }
    }
}
