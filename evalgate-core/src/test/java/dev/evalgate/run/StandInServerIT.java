package dev.evalgate.run;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StandInServerIT {

    @Test
    void each_base_path_gets_its_own_answer_through_the_jdk_client() throws Exception {
        try (StandInServer server = StandInServer.start(); HttpClient client = HttpClient.newHttpClient()) {
            server.reply(0, "{\"a\": 0}");
            URI other = server.serve("{\"b\": 1}");

            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(server.uri(0) + "/v1/chat"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"m\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(other + "/predict?q=1")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.body()).isEqualTo("{\"a\": 0}");
            assertThat(get.body()).isEqualTo("{\"b\": 1}");
        }
    }

    @Test
    void a_keep_alive_connection_is_answered_request_after_request_whatever_the_bodys_framing() throws Exception {
        try (StandInServer server = StandInServer.start()) {
            server.reply(3, "{}");
            int port = server.uri(3).getPort();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /t3/x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
                        + "POST /t3/x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
                        + "GET /t3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answers = read(socket.getInputStream());

                assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(4);
                assertThat(answers).endsWith("\r\n\r\n{}");
            }
        }
    }

    /** Everything until the server closes the connection, as it does after a request that asks it to. */
    private static String read(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.US_ASCII);
    }
}
