package dev.evalgate.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A POST written byte for byte over a socket, so a test can send the headers a browser sends ({@code Origin},
 * {@code Sec-Fetch-Site}, {@code Host}), which the JDK client sets itself or refuses.
 */
final class RawPost {

    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private RawPost(int port) {
        this.port = port;
        headers.put("Host", "127.0.0.1:" + port);
    }

    static RawPost to(DashboardServer server) {
        return new RawPost(server.port());
    }

    /** Sets a header; null leaves it out. */
    RawPost header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    record Answer(int status, String body) {
    }

    Answer send(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(response.substring(9, 12)), end < 0 ? "" : response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
