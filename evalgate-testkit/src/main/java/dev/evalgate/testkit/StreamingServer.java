package dev.evalgate.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every POST with a chunked body written piece by piece on a
 * schedule, as a model streaming server-sent events does, and times itself: for each request, from the moment its
 * body was read to the flush of the first piece and of the last byte.
 *
 * <p>Like {@link FixedLatencyServer} it reads only the request line, headers and a {@code Content-Length} body, so its
 * own overhead stays well under a millisecond. Each connection has a platform thread of its own: a sleeping platform
 * thread is woken by the kernel on time, where a virtual one waits for the JDK's timer thread and then a carrier, which
 * made the pieces of a busy test JVM 1-5 ms late at p95.
 */
public final class StreamingServer implements AutoCloseable {

    /**
     * One piece of the answer: due {@code after} the previous piece was due (or the request arrived, for the first);
     * the schedule is kept from the request's arrival, so one late wake-up does not shift the pieces after it.
     *
     * @param text the bytes of the piece, such as {@code "data: {...}\n\n"}
     */
    public record Piece(Duration after, String text) {
    }

    /** The whole answer to one request: its pieces, and whether the body ends properly after them. */
    public record Script(List<Piece> pieces, boolean complete) {

        public Script {
            pieces = List.copyOf(pieces);
        }

        public static Script of(List<Piece> pieces) {
            return new Script(pieces, true);
        }
    }

    /** The server's own times for one request, in ms from its body being read. */
    public record Timing(double firstPieceMs, double lastByteMs) {
    }

    private final ServerSocket socket;
    private final Function<String, Script> script;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Integer, Timing> timings = new ConcurrentHashMap<>();

    private StreamingServer(Function<String, Script> script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("streaming-accept").start(this::accept);
    }

    /** Starts a server that answers each request body with the pieces {@code script} gives for it. */
    public static StreamingServer start(Function<String, Script> script) {
        try {
            return new StreamingServer(script);
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

    /** The server's own times, by request number (1 for the first request it read). */
    public Map<Integer, Timing> timings() {
        return Map.copyOf(timings);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                Thread.ofPlatform().daemon().name("streaming-connection").start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection;
             InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            while (true) {
                int length = readHeaders(in);
                if (length < 0) {
                    return;
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                long arrived = System.nanoTime();
                int number = requests.incrementAndGet();
                Script answer = script.apply(body);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                long first = 0;
                long due = arrived;
                for (Piece piece : answer.pieces()) {
                    // each piece is due at a fixed offset from the request, so a late wake-up does not delay the rest
                    due += piece.after().toNanos();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    byte[] bytes = piece.text().getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                }
                if (!answer.complete()) {
                    return; // the connection drops mid-answer
                }
                // the times are kept before the stream's terminating chunk goes out: a client that has read the
                // whole answer may ask for them at once
                long last = System.nanoTime();
                timings.put(number, new Timing((first - arrived) / 1e6, (last - arrived) / 1e6));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
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
