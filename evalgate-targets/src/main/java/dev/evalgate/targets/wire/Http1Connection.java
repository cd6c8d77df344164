package dev.evalgate.targets.wire;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.http.HttpConnectTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * One HTTP/1.1 connection, used by one call at a time: writes a request in one go and reads the response through
 * its own buffer, stamping when each read came off the socket.
 *
 * <p>Blocking reads and writes on a {@link SocketChannel}: an interrupted caller (a call's timeout) closes the
 * channel and gets out at once, on platform and virtual threads alike; TLS is layered on the channel's socket, so
 * it inherits the same behaviour.
 */
final class Http1Connection implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final Origin origin;
    private final SocketChannel channel;
    private final InputStream tlsIn;
    private final OutputStream tlsOut;
    private final ByteBuffer direct;
    final byte[] buffer = new byte[BUFFER];
    int position;
    int limit;
    /** {@link System#nanoTime()} when the last read returned bytes. */
    private long lastArrival;
    private long bytesRead;
    private long idleUntil;

    private Http1Connection(Origin origin, SocketChannel channel, SSLSocket tls) throws IOException {
        this.origin = origin;
        this.channel = channel;
        this.tlsIn = tls == null ? null : tls.getInputStream();
        this.tlsOut = tls == null ? null : tls.getOutputStream();
        this.direct = tls == null ? ByteBuffer.allocateDirect(BUFFER) : null;
    }

    /**
     * Connects to {@code to} for {@code origin} (they differ behind a proxy), starting TLS at once when
     * {@code tls} is given.
     */
    static Http1Connection open(Origin origin, InetSocketAddress to, Duration connectTimeout, SSLContext tls)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            try {
                channel.socket().connect(to, (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis())));
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("could not connect to " + origin.authority() + " within "
                        + connectTimeout.toMillis() + " ms");
            }
            return new Http1Connection(origin, channel, tls == null ? null : handshake(channel, origin, tls));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** This connection (a tunnel through a proxy) with TLS started over it, for its origin. */
    Http1Connection secured(SSLContext tls) throws IOException {
        try {
            return new Http1Connection(origin, channel, handshake(channel, origin, tls));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** TLS over the channel's socket, the host name checked against the server's certificate. */
    private static SSLSocket handshake(SocketChannel channel, Origin origin, SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(channel.socket(), origin.address(), origin.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    Origin origin() {
        return origin;
    }

    /**
     * Writes all of {@code chunks}; returns {@link System#nanoTime()} taken just before the last piece was handed to
     * the socket. Taken before, not after: the server may read the request and start on it before this thread
     * returns from the write, and the time on the wire must never come out shorter than the server's own.
     */
    long write(List<byte[]> chunks) throws IOException {
        if (tlsOut != null) {
            for (int i = 0; i < chunks.size() - 1; i++) {
                tlsOut.write(chunks.get(i));
            }
            long last = System.nanoTime();
            tlsOut.write(chunks.getLast());
            tlsOut.flush();
            return last;
        }
        direct.clear();
        for (byte[] chunk : chunks) {
            int offset = 0;
            while (offset < chunk.length) {
                int n = Math.min(direct.remaining(), chunk.length - offset);
                direct.put(chunk, offset, n);
                offset += n;
                if (!direct.hasRemaining()) {
                    flush();
                }
            }
        }
        long last = System.nanoTime();
        flush();
        return last;
    }

    private void flush() throws IOException {
        direct.flip();
        while (direct.hasRemaining()) {
            channel.write(direct);
        }
        direct.clear();
    }

    /**
     * Reads more bytes into the buffer after what it holds (compacting it first); throws {@link EOFException}
     * when the peer has closed.
     */
    void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("a line of the response is longer than " + BUFFER + " bytes");
        }
        int n;
        if (tlsIn != null) {
            n = tlsIn.read(buffer, limit, buffer.length - limit);
        } else {
            direct.clear().limit(buffer.length - limit);
            n = channel.read(direct);
            if (n > 0) {
                direct.flip().get(buffer, limit, n);
            }
        }
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        lastArrival = System.nanoTime();
        bytesRead += n;
        limit += n;
    }

    /** When the bytes last read came off the socket, by {@link System#nanoTime()}. */
    long lastArrival() {
        return lastArrival;
    }

    /** Bytes received so far, over this connection's life. */
    long bytesRead() {
        return bytesRead;
    }

    void idleUntil(long nanos) {
        idleUntil = nanos;
    }

    boolean expired(long now) {
        return now - idleUntil > 0;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a connection nobody will use again; nothing to tell
        }
    }
}
