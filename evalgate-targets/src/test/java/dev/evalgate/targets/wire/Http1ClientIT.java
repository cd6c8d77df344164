package dev.evalgate.targets.wire;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Http1ClientIT {

    private static final Duration CONNECT = Duration.ofSeconds(5);

    private static String text(Http1Client client, WireRequest request) throws Exception {
        return client.send(request, WireResponse::text);
    }

    private static WireRequest post(RawServer server, String body) {
        return WireRequest.post(server.uri("/v1/chat"), Map.of("Authorization", "Bearer k"), body);
    }

    @Test
    void sends_one_well_framed_request_and_keeps_the_connection_for_the_next() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.ok(out, "{\"n\":" + request.body().length() + "}");
            return true;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            for (int i = 0; i < 5; i++) {
                assertThat(text(client, post(server, "{\"q\":\"é\"}"))).isEqualTo("{\"n\":9}");
            }
            assertThat(server.connections()).isEqualTo(1);
            RawServer.Seen first = server.seen.getFirst();
            assertThat(first.requestLine()).isEqualTo("POST /v1/chat HTTP/1.1");
            assertThat(first.head()).contains("Host: 127.0.0.1:" + server.port() + "\r\n")
                    .contains("Authorization: Bearer k\r\n").contains("Content-Length: 10\r\n");
            assertThat(first.body()).isEqualTo("{\"q\":\"é\"}");
        }
    }

    @Test
    void reads_a_chunked_body_with_extensions_and_trailers_and_reuses_the_connection() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;note=x\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n");
            return true;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThat(text(client, post(server, "{}"))).isEqualTo("hello, world");
            assertThat(text(client, post(server, "{}"))).isEqualTo("hello, world");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void reads_a_body_without_length_to_the_close_and_opens_a_new_connection_after_it() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\n\r\nuntil the end");
            return false;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThat(text(client, post(server, "{}"))).isEqualTo("until the end");
            assertThat(text(client, post(server, "{}"))).isEqualTo("until the end");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void replaces_a_kept_alive_connection_the_server_closed_without_a_word() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.ok(out, "fine");
            out.flush();
            return false; // keep-alive was implied, yet the connection is dropped after each answer
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            for (int i = 0; i < 3; i++) {
                assertThat(text(client, post(server, "{}"))).isEqualTo("fine");
            }
            assertThat(server.seen).hasSize(3);
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @Test
    void keeps_the_connection_after_an_error_answer_whose_body_was_read() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.write(out, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 9\r\n\r\n"
                    + "slow down");
            return true;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> client.send(post(server, "{}"), response -> {
                    String body = response.text();
                    throw new IllegalStateException(response.status() + " " + body);
                })).hasMessage("429 slow down");
            }
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void a_body_cut_short_is_an_io_failure_that_says_so() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"choices\":[");
            return false;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThatThrownBy(() -> text(client, post(server, "{}")))
                    .isInstanceOf(EOFException.class).hasMessageContaining("cut short");
        }
    }

    @Test
    void skips_interim_answers_and_reads_no_body_for_204() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.write(out, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
            return true;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            String answer = client.send(post(server, "{}"), r -> r.status() + ":" + r.text());
            assertThat(answer).isEqualTo("204:");
            int status = client.send(post(server, "{}"), WireResponse::status);
            assertThat(status).isEqualTo(204);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void decodes_the_body_in_the_charset_its_content_type_names() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            byte[] latin = "café".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
                    + "Content-Length: " + latin.length + "\r\n\r\n");
            out.write(latin);
            return true;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThat(text(client, post(server, "{}"))).isEqualTo("café");
        }
    }

    @Test
    void follows_a_307_with_the_same_method_and_body_and_a_303_with_a_get() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            String line = request.requestLine();
            if (line.contains("/old")) {
                RawServer.write(out, "HTTP/1.1 307 Temporary Redirect\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n");
            } else if (line.contains("/see")) {
                RawServer.write(out, "HTTP/1.1 303 See Other\r\nLocation: /other\r\nContent-Length: 0\r\n\r\n");
            } else {
                RawServer.ok(out, line + " " + request.body());
            }
            return true;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThat(text(client, WireRequest.post(server.uri("/old"), Map.of(), "{\"a\":1}")))
                    .isEqualTo("POST /new HTTP/1.1 {\"a\":1}");
            assertThat(text(client, WireRequest.post(server.uri("/see"), Map.of(), "{\"a\":1}")))
                    .isEqualTo("GET /other HTTP/1.1 ");
        }
    }

    @Test
    void refuses_headers_that_would_break_the_framing_before_sending_anything() {
        assertThatThrownBy(() -> WireRequest.post(java.net.URI.create("http://127.0.0.1:1/"),
                Map.of("X-Note", "a\r\nX-Injected: yes"), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line breaks");
        assertThatThrownBy(() -> WireRequest.post(java.net.URI.create("http://127.0.0.1:1/"),
                Map.of("Content-Length", "5"), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("restricted header name");
        assertThatThrownBy(() -> WireRequest.post(java.net.URI.create("http://127.0.0.1:1/"),
                Map.of("Bad Name", "x"), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid header name");
    }

    @Test
    void an_interrupted_caller_gets_out_at_once_on_platform_and_virtual_threads() throws Exception {
        CountDownLatch arrived = new CountDownLatch(2);
        try (RawServer server = new RawServer((request, out) -> {
            arrived.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1)); // never answers in the test's time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none());
             ExecutorService platform = Executors.newCachedThreadPool();
             ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> onPlatform = platform.submit(() -> text(client, post(server, "{}")));
            Future<String> onVirtual = virtual.submit(() -> text(client, post(server, "{}")));
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            onPlatform.cancel(true);
            onVirtual.cancel(true);
            platform.shutdown();
            virtual.shutdown();
            // both threads leave their blocked reads; without that these pools would not terminate
            assertThat(platform.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(virtual.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void connections_opened_ahead_serve_the_first_calls_and_carry_nothing_until_then() throws Exception {
        CountDownLatch allArrived = new CountDownLatch(3);
        try (RawServer server = new RawServer((request, out) -> {
            allArrived.countDown();
            try {
                // each answer waits for all three requests, so the three calls need three connections at once
                assertThat(allArrived.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            RawServer.ok(out, "ok");
            return true;
        }); Http1Client client = new Http1Client(CONNECT, Proxies.none());
             ExecutorService callers = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                client.open(server.uri("/"));
            }
            assertThat(server.seen).as("opening sends nothing").isEmpty();

            java.util.List<Future<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(callers.submit(() -> text(client, post(server, "{}"))));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            }
            assertThat(server.connections()).as("the calls used the connections opened ahead").isEqualTo(3);
        }
    }

    /** A loopback URL where nothing listens any more. */
    private static java.net.URI closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return java.net.URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
    }

    @Test
    void a_connection_that_cannot_be_opened_ahead_fails_there_and_leaves_nothing_in_the_pool() throws Exception {
        java.net.URI nowhere = closedPort();
        try (Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThatThrownBy(() -> client.open(nowhere)).isInstanceOf(java.net.ConnectException.class);
            assertThatThrownBy(() -> text(client, WireRequest.post(nowhere, Map.of(), "{}")))
                    .as("no connection was pooled: the call connects anew and is refused too")
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void a_refused_connection_is_a_connect_exception() throws Exception {
        java.net.URI nowhere = closedPort();
        try (Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThatThrownBy(() -> text(client, WireRequest.post(nowhere, Map.of(), "{}")))
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void a_closed_client_refuses_new_calls() throws Exception {
        try (RawServer server = new RawServer((request, out) -> {
            RawServer.ok(out, "x");
            return true;
        })) {
            Http1Client client = new Http1Client(CONNECT, Proxies.none());
            client.close();
            assertThatThrownBy(() -> text(client, post(server, "{}"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("closed");
        }
    }
}
