package dev.evalgate.targets;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.Target;
import dev.evalgate.targets.openai.OpenAiTargetKind;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How HTTP-based targets behave under the failures providers really produce, with the run's retry policy. */
class HttpErrorHandlingIT {

    private static final String KEY = "sk-test-SECRET-0123456789";
    private static final String OK = """
            {"choices": [{"message": {"content": "billing"}}], "usage": {"prompt_tokens": 9, "completion_tokens": 1}}""";

    private final LoopbackServer server = LoopbackServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Target target() {
        return TestSpecs.create(new OpenAiTargetKind(), """
                base_url: %s
                model: m
                api_key: %s
                """.formatted(server.url("/v1"), KEY));
    }

    private static Request request() {
        return new Request(Case.of("c1", "my card was charged twice", Expected.none()), null, 0);
    }

    private static CallPolicy policy(Duration timeout, int retries) {
        return new CallPolicy(4, 0, timeout, retries, Duration.ofMillis(10), Duration.ofSeconds(5), 7);
    }

    private Attempted callWithRetries(Duration timeout, int retries) throws InterruptedException {
        try (ResilientCaller caller = new ResilientCaller(target(), policy(timeout, retries))) {
            return caller.call(request());
        }
    }

    @Test
    void reads_the_answer_and_its_token_usage() throws Exception {
        server.enqueue(ScriptedResponse.json(200, OK));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 0);

        assertThat(attempted.reply().text()).isEqualTo("billing");
        assertThat(attempted.reply().usage().input()).isEqualTo(9);
        assertThat(attempted.reply().usage().output()).isEqualTo(1);
    }

    @Test
    void waits_as_long_as_retry_after_asks_before_retrying_a_429() throws Exception {
        server.enqueue(ScriptedResponse.json(429, "{\"error\": {\"message\": \"Rate limit reached\"}}")
                        .withHeader("Retry-After", "1"),
                ScriptedResponse.json(200, OK));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 3);

        assertThat(attempted.reply().text()).isEqualTo("billing");
        assertThat(attempted.attempts()).isEqualTo(2);
        assertThat(server.requests().get(1).millisAfter(server.requests().get(0))).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void retries_a_500_and_returns_the_next_answer() throws Exception {
        server.enqueue(ScriptedResponse.json(500, "{\"error\": {\"message\": \"internal\"}}"),
                ScriptedResponse.json(200, OK));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 3);

        assertThat(attempted.reply().text()).isEqualTo("billing");
        assertThat(attempted.attempts()).isEqualTo(2);
    }

    @Test
    void classifies_a_dropped_connection_as_retriable_connection_failure() {
        server.enqueue(ScriptedResponse.dropConnection());
        try (Target target = target()) {
            assertThatThrownBy(() -> target.call(request()))
                    .isInstanceOfSatisfying(TargetException.Retriable.class,
                            e -> assertThat(e.kind()).isEqualTo("connection"));
        }
    }

    @Test
    void retries_a_dropped_connection_and_returns_the_next_answer() throws Exception {
        server.enqueue(ScriptedResponse.dropConnection(), ScriptedResponse.json(200, OK));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 3);

        assertThat(attempted.reply().text()).isEqualTo("billing");
        assertThat(attempted.attempts()).isEqualTo(2);
    }

    @Test
    void gives_up_with_timeout_after_retrying_a_server_that_answers_too_late() throws Exception {
        server.respondWith(request -> ScriptedResponse.json(200, OK).after(Duration.ofSeconds(30)));

        Attempted attempted = callWithRetries(Duration.ofMillis(200), 1);

        assertThat(attempted.error().kind()).isEqualTo("timeout");
        assertThat(attempted.attempts()).isEqualTo(2);
    }

    @Test
    void retries_a_200_whose_body_is_not_json_and_returns_the_next_answer() throws Exception {
        server.enqueue(ScriptedResponse.text(200, "<html><body>Gateway says hello</body></html>"),
                ScriptedResponse.text(200, "<html><body>Gateway says hello</body></html>"),
                ScriptedResponse.json(200, OK));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 2);

        assertThat(attempted.reply().text()).isEqualTo("billing");
        assertThat(attempted.attempts()).isEqualTo(3);
    }

    @Test
    void retries_a_200_whose_json_is_cut_short() throws Exception {
        server.enqueue(ScriptedResponse.json(200, OK.substring(0, OK.length() / 2)), ScriptedResponse.json(200, OK));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 2);

        assertThat(attempted.reply().text()).isEqualTo("billing");
        assertThat(attempted.attempts()).isEqualTo(2);
    }

    @Test
    void gives_up_after_the_retries_naming_the_malformed_body_and_showing_its_start_masked() throws Exception {
        server.respondWith(request -> ScriptedResponse.text(200, "<html><body>Gateway says hello " + KEY
                + "</body></html>" + "x".repeat(500)));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 2);

        assertThat(attempted.attempts()).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(attempted.error().kind()).isEqualTo("malformed_response");
        assertThat(attempted.error().message())
                .contains("not JSON")
                .contains("<html><body>Gateway says hello ***")
                .doesNotContain(KEY)
                .hasSizeLessThan(400);
    }

    @Test
    void fails_at_once_on_well_formed_json_that_lacks_the_answer() throws Exception {
        server.enqueue(ScriptedResponse.json(200, "{\"error\": {\"message\": \"model overloaded\"}}"),
                ScriptedResponse.json(200, OK));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 3);

        assertThat(attempted.attempts()).isEqualTo(1);
        assertThat(attempted.error().kind()).isEqualTo("malformed_response");
        assertThat(attempted.error().message()).contains("choices[0].message.content").contains("model overloaded");
    }

    @Test
    void fails_at_once_on_401_with_the_provider_message_and_never_the_key() throws Exception {
        server.enqueue(ScriptedResponse.json(401, """
                {"error": {"message": "Incorrect API key provided: %s. Find your key at the dashboard.",
                           "type": "invalid_request_error", "code": "invalid_api_key"}}""".formatted(KEY)));

        Attempted attempted = callWithRetries(Duration.ofSeconds(10), 3);

        assertThat(attempted.attempts()).isEqualTo(1);
        assertThat(attempted.error().kind()).isEqualTo("http_401");
        assertThat(attempted.error().message())
                .startsWith("HTTP 401 from http://127.0.0.1:" + server.port() + "/v1/chat/completions")
                .contains("Incorrect API key provided: ***")
                .contains("api_key")
                .doesNotContain(KEY);
    }

    @Test
    void never_shows_the_key_in_any_failure_message() throws Exception {
        String echo = "{\"error\": {\"message\": \"bad key " + KEY + "\"}}";
        server.enqueue(ScriptedResponse.json(503, echo), ScriptedResponse.json(400, echo),
                ScriptedResponse.json(404, echo), ScriptedResponse.text(200, "not json " + KEY));
        try (Target target = target()) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> target.call(request()))
                        .isInstanceOf(TargetException.class)
                        .message().doesNotContain(KEY).contains("***");
            }
        }
    }

    @Test
    void cannot_connect_to_a_closed_port_is_a_retriable_connection_failure() {
        LoopbackServer closed = LoopbackServer.start();
        String url = closed.url("/v1");
        closed.close();
        try (Target target = TestSpecs.create(new OpenAiTargetKind(), "base_url: " + url + "\nmodel: m\n")) {
            assertThatThrownBy(() -> target.call(request()))
                    .isInstanceOfSatisfying(TargetException.Retriable.class, e -> {
                        assertThat(e.kind()).isEqualTo("connection");
                        assertThat(e.getMessage()).contains("127.0.0.1");
                    });
        }
    }
}
