package dev.evalgate.targets.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A response being read: its head, when the request's last piece went to the socket, and its body as it comes off the
 * connection (Content-Length, chunked, or until the server closes), each read stamped with its arrival.
 */
public final class WireResponse {

    private enum Framing { LENGTH, CHUNKED, UNTIL_CLOSE }

    private final Http1Connection connection;
    private final ResponseHead head;
    private final long written;
    private final Framing framing;
    /** LENGTH: bytes still to come; CHUNKED: bytes left of the current chunk. */
    private long remaining;
    private boolean inChunk;
    private boolean done;
    private long ended;

    WireResponse(Http1Connection connection, ResponseHead head, long written, boolean bodyless) throws IOException {
        this.connection = connection;
        this.head = head;
        this.written = written;
        int status = head.status();
        if (bodyless || status == 204 || status == 304 || status < 200) {
            framing = Framing.LENGTH;
        } else if (head.lists("transfer-encoding", "chunked")) {
            framing = Framing.CHUNKED;
        } else if (head.header("content-length").isPresent()) {
            framing = Framing.LENGTH;
            remaining = contentLength(head.header("content-length").get());
        } else {
            framing = Framing.UNTIL_CLOSE;
        }
        if (framing == Framing.LENGTH && remaining == 0) {
            finish();
        }
    }

    public int status() {
        return head.status();
    }

    public ResponseHead head() {
        return head;
    }

    /** When the request's last piece was handed to the socket, by {@link System#nanoTime()}. */
    public long written() {
        return written;
    }

    /** When the body's last byte came off the socket; 0 until the body has been read to its end. */
    public long ended() {
        return ended;
    }

    /** When the bytes of the last {@link #read} came off the socket. */
    public long arrival() {
        return connection.lastArrival();
    }

    /** Reads up to {@code length} bytes of the body into {@code into}; -1 at its end. */
    public int read(byte[] into, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        if (framing == Framing.CHUNKED && remaining == 0 && !nextChunk()) {
            return -1;
        }
        if (connection.position == connection.limit) {
            try {
                connection.fill();
            } catch (EOFException e) {
                if (framing == Framing.UNTIL_CLOSE) {
                    finish();
                    return -1;
                }
                throw new EOFException("the server closed the connection before the response's body ended: it"
                        + " was cut short");
            }
        }
        int n = connection.limit - connection.position;
        if (framing != Framing.UNTIL_CLOSE) {
            n = (int) Math.min(n, remaining);
        }
        n = Math.min(n, length);
        System.arraycopy(connection.buffer, connection.position, into, offset, n);
        connection.position += n;
        if (framing != Framing.UNTIL_CLOSE) {
            remaining -= n;
            if (framing == Framing.LENGTH && remaining == 0) {
                finish();
            }
        }
        return n;
    }

    /** The whole body. */
    public byte[] bytes() throws IOException {
        if (framing == Framing.LENGTH && remaining <= Integer.MAX_VALUE - 8) {
            byte[] body = new byte[(int) remaining];
            for (int at = 0; at < body.length; ) {
                at += read(body, at, body.length - at);
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] chunk = new byte[8192];
        for (int n = read(chunk, 0, chunk.length); n >= 0; n = read(chunk, 0, chunk.length)) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** The whole body as text, in the charset its Content-Type names (UTF-8 when it names none). */
    public String text() throws IOException {
        if (framing == Framing.LENGTH && !done && remaining <= connection.limit - connection.position) {
            // the whole body is in the buffer already, as a short answer usually is: decoded where it lies
            String text = new String(connection.buffer, connection.position, (int) remaining, charset());
            connection.position += (int) remaining;
            remaining = 0;
            finish();
            return text;
        }
        return new String(bytes(), charset());
    }

    /** Whether the body has been read to its end. */
    public boolean complete() {
        return done;
    }

    /** Whether the connection may carry another request once this body is read. */
    boolean reusable() {
        return done && framing != Framing.UNTIL_CLOSE && head.version() >= 1
                && !head.lists("connection", "close");
    }

    Http1Connection connection() {
        return connection;
    }

    private boolean nextChunk() throws IOException {
        if (inChunk) {
            if (!ResponseHead.line(connection).isEmpty()) {
                throw new IOException("malformed chunked body: a chunk did not end with CR LF");
            }
        }
        String line = ResponseHead.line(connection);
        int semicolon = line.indexOf(';');
        String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        try {
            remaining = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunked body: '" + size + "' is not a chunk size");
        }
        if (remaining < 0) {
            throw new IOException("malformed chunked body: negative chunk size");
        }
        inChunk = true;
        if (remaining == 0) {
            while (!ResponseHead.line(connection).isEmpty()) {
                // trailers: none of them matter here
            }
            finish();
            return false;
        }
        return true;
    }

    private void finish() {
        done = true;
        ended = connection.lastArrival();
    }

    private Charset charset() {
        String type = head.header("content-type").orElse("");
        int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = type.substring(at + 8).split(";")[0].strip().replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static long contentLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IOException("the response's Content-Length '" + value + "' is not a length");
    }
}
