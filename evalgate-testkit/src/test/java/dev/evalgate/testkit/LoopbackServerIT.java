package dev.evalgate.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackServerIT {

    private final LoopbackServer server = LoopbackServer.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("X-Trace", "t1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void binds_to_loopback_on_a_chosen_port() {
        assertThat(server.port()).isPositive();
        assertThat(server.url("/x")).isEqualTo("http://127.0.0.1:" + server.port() + "/x");
    }

    @Test
    void serves_queued_responses_in_order_then_the_responder() throws Exception {
        server.enqueue(ScriptedResponse.json(429, "{}").withHeader("Retry-After", "1"),
                ScriptedResponse.text(200, "second"));
        server.respondWith(request -> ScriptedResponse.text(201, "echo " + request.body()));

        HttpResponse<String> first = post("/a", "1");
        HttpResponse<String> second = post("/a", "2");
        HttpResponse<String> third = post("/a", "3");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("retry-after")).contains("1");
        assertThat(second.body()).isEqualTo("second");
        assertThat(third.statusCode()).isEqualTo(201);
        assertThat(third.body()).isEqualTo("echo 3");
    }

    @Test
    void records_method_path_query_headers_and_body_in_arrival_order() throws Exception {
        post("/v1/items?x=1", "{\"a\": 1}");
        post("/v1/other", "");

        assertThat(server.requestCount()).isEqualTo(2);
        RecordedRequest first = server.requests().getFirst();
        assertThat(first.index()).isZero();
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/v1/items");
        assertThat(first.query()).isEqualTo("x=1");
        assertThat(first.header("x-trace")).isEqualTo("t1");
        assertThat(first.body()).isEqualTo("{\"a\": 1}");
        assertThat(server.requests().get(1).millisAfter(first)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void answers_404_naming_the_request_when_nothing_is_scripted() throws Exception {
        HttpResponse<String> response = post("/nothing", "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("POST /nothing");
    }

    @Test
    void drops_the_connection_without_a_response_when_scripted() throws Exception {
        server.enqueue(ScriptedResponse.dropConnection());

        assertThatThrownBy(() -> post("/a", "x")).isInstanceOf(IOException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
