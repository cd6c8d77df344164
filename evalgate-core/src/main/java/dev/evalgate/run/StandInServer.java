package dev.evalgate.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process HTTP/1.1 server on 127.0.0.1 and a port the OS chooses, answering every request at once with a fixed
 * JSON body: the stand-in targets' rehearsals call instead of their real, billed endpoints. Each target gets its own
 * base path, {@code /t0}, {@code /t1}, …, and its own body; a conversation's rehearsal gets more, one per answer
 * ({@link #serve}).
 *
 * <p>It shares the machine, and the process, with the client it warms, so it does as little as HTTP allows: it reads
 * the request line and headers, skips the body, and writes a response prepared once; keep-alive connections each
 * have a virtual thread. The warm-up's time then goes to the client's code path, which is what it is for.
 */
final class StandInServer implements AutoCloseable {

    private static final byte[] EMPTY = response("{}");
    private static final int LONGEST_HEAD = 64 * 1024;

    private final ServerSocket socket;
    private final Map<String, byte[]> replies = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();

    private StandInServer(ServerSocket socket) {
        this.socket = socket;
    }

    static StandInServer start() {
        try {
            StandInServer standIn = new StandInServer(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
            Thread.ofVirtual().name("evalgate-stand-in").start(standIn::accept);
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the harness warm-up", e);
        }
    }

    /** The base URI of target number {@code index}, {@code http://127.0.0.1:PORT/tINDEX}, no trailing slash. */
    URI uri(int index) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/t" + index);
    }

    /** What the stand-in answers every call under target {@code index}'s base path. */
    void reply(int index, String json) {
        replies.put("/t" + index, response(json));
    }

    /**
     * A new base path answered with {@code json} every time, apart from the targets' own: the URI of a rehearsal copy
     * whose calls all get that answer.
     */
    URI serve(String json) {
        String base = "/a" + served.incrementAndGet();
        replies.put(base, response(json));
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + base);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                open.add(connection);
                Thread.ofVirtual().start(() -> answer(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            StandInRequest request;
            while ((request = StandInRequest.read(in, LONGEST_HEAD)) != null) {
                if (request.expectsContinue()) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                request.skipBody(in);
                out.write(replies.getOrDefault(base(request.path()), EMPTY));
                out.flush();
                if (request.closes()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent what no target of ours sends; its call fails and is thrown away
        } finally {
            open.remove(connection);
        }
    }

    private static byte[] response(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = String.format(Locale.ROOT, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: %d\r\n\r\n", body.length).getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    /** The first segment of a path: {@code /t3} of {@code /t3/v1/chat/completions}. */
    private static String base(String path) {
        int next = path.indexOf('/', 1);
        int query = path.indexOf('?');
        int end = next < 0 ? query : query < 0 ? next : Math.min(next, query);
        return end < 0 ? path : path.substring(0, end);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing is left to release
        }
        for (Socket connection : open) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
