package dev.evalgate.springai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.dataset.Case;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Spring AI's real OpenAI client against a loopback OpenAI-compatible server, wrapped as an evalgate target. */
class ChatModelTargetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Request PLAIN = new Request(Case.of("c1", "where is my card?", null), null, 0);
    private static final CallPolicy ONE_RETRY = new CallPolicy(1, 0, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO, 7);

    private final LoopbackServer server = LoopbackServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void returns_the_answer_and_the_tokens_from_the_response_metadata() throws Exception {
        server.enqueue(OpenAiLoopback.answer("card_arrival", 12, 3));

        Reply reply = ChatModelTarget.of(OpenAiLoopback.model(server)).call(PLAIN);

        assertThat(reply.text()).isEqualTo("card_arrival");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(12, 3));
        assertThat(reply.toolCalls()).isEmpty();
    }

    @Test
    void sends_the_rendered_system_prompt_then_the_user_prompt() throws Exception {
        server.enqueue(OpenAiLoopback.answer("ok", 5, 1));
        Request request = new Request(Case.of("c1", "where is my card?", null),
                new RenderedPrompt("Answer with one intent.", "Query: where is my card? {not a template}"), 0);

        ChatModelTarget.of(OpenAiLoopback.model(server)).call(request);

        JsonNode messages = JSON.readTree(server.requests().getFirst().body()).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("Answer with one intent.");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").toString()).contains("Query: where is my card? {not a template}");
    }

    @ParameterizedTest(name = "HTTP {0} is retried by the runner, which then gets the answer")
    @ValueSource(ints = {429, 500, 503})
    void rate_limits_and_server_errors_are_retried_by_the_runner(int status) throws Exception {
        server.enqueue(OpenAiLoopback.error(status, "try again"), OpenAiLoopback.answer("card_arrival", 12, 3));

        try (ResilientCaller caller = new ResilientCaller(ChatModelTarget.of(OpenAiLoopback.model(server)), ONE_RETRY)) {
            Attempted attempted = caller.call(PLAIN);

            assertThat(attempted.failed()).isFalse();
            assertThat(attempted.attempts()).isEqualTo(2);
            assertThat(attempted.reply().text()).isEqualTo("card_arrival");
            assertThat(attempted.reply().usage()).isEqualTo(new TokenUsage(12, 3));
        }
        assertThat(server.requestCount()).as("the client's own retries are off: only the runner retried").isEqualTo(2);
    }

    @Test
    void a_rate_limit_that_outlasts_the_retries_is_recorded_as_http_429() throws Exception {
        server.respondWith(r -> OpenAiLoopback.error(429, "slow down"));

        try (ResilientCaller caller = new ResilientCaller(ChatModelTarget.of(OpenAiLoopback.model(server)), ONE_RETRY)) {
            Attempted attempted = caller.call(PLAIN);

            assertThat(attempted.failed()).isTrue();
            assertThat(attempted.error().kind()).isEqualTo("http_429");
            assertThat(attempted.attempts()).isEqualTo(2);
        }
    }

    @Test
    void the_wait_a_rate_limit_asks_for_is_passed_on_to_the_runner() {
        server.respondWith(r -> OpenAiLoopback.error(429, "slow down").withHeader("Retry-After", "2"));

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> ChatModelTarget.of(OpenAiLoopback.model(server)).call(PLAIN));

        assertThat(e).isInstanceOf(TargetException.Retriable.class);
        assertThat(((TargetException.Retriable) e).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "HTTP {0} is fatal at once")
    @ValueSource(ints = {400, 401, 403, 404})
    void client_errors_are_fatal_and_not_retried(int status) throws Exception {
        server.respondWith(r -> OpenAiLoopback.error(status, "no"));

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> ChatModelTarget.of(OpenAiLoopback.model(server)).call(PLAIN));
        assertThat(e.retriable()).isFalse();
        assertThat(e.kind()).isEqualTo("http_" + status);

        try (ResilientCaller caller = new ResilientCaller(ChatModelTarget.of(OpenAiLoopback.model(server)), ONE_RETRY)) {
            Attempted attempted = caller.call(PLAIN);
            assertThat(attempted.failed()).isTrue();
            assertThat(attempted.attempts()).isEqualTo(1);
        }
    }

    @Test
    void a_call_slower_than_the_clients_timeout_is_a_retriable_timeout() {
        server.respondWith(r -> OpenAiLoopback.answer("late", 1, 1).after(Duration.ofSeconds(5)));

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> ChatModelTarget.of(OpenAiLoopback.model(server, Duration.ofMillis(200))).call(PLAIN));

        assertThat(e.kind()).isEqualTo("timeout");
        assertThat(e.retriable()).isTrue();
    }

    @Test
    void a_dropped_connection_is_a_retriable_connection_failure() {
        server.respondWith(r -> ScriptedResponse.dropConnection());

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> ChatModelTarget.of(OpenAiLoopback.model(server)).call(PLAIN));

        assertThat(e.retriable()).isTrue();
        assertThat(e.kind()).isIn("connection", "timeout");
    }

    @Test
    void tool_calls_come_back_and_the_conversation_and_tools_are_sent() throws Exception {
        server.enqueue(OpenAiLoopback.toolCall("call_7", "lookup_order", "{\"order_id\":\"A-1\"}"));
        ToolSpec lookup = new ToolSpec("lookup_order", "Finds an order",
                JSON.readTree("{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}},"
                        + "\"required\":[\"order_id\"]}"));
        ToolCall earlier = new ToolCall("call_1", "lookup_order", "{\"order_id\":\"A-0\"}");
        Conversation conversation = new Conversation(List.of(
                Turn.of("system", "You help with orders."),
                Turn.of("user", "Where are A-0 and A-1?"),
                Turn.assistant("", List.of(earlier)),
                new Turn("tool", "{\"status\":\"shipped\"}", List.of(), "call_1", "lookup_order", false)),
                List.of(lookup), null);

        Reply reply = ChatModelTarget.of(OpenAiLoopback.model(server))
                .call(new Request(Case.of("c1", "Where are A-0 and A-1?", null), null, 0, conversation));

        assertThat(reply.toolCalls()).containsExactly(new ToolCall("call_7", "lookup_order", "{\"order_id\":\"A-1\"}"));
        assertThat(reply.usage()).isEqualTo(new TokenUsage(30, 9));
        JsonNode body = JSON.readTree(server.requests().getFirst().body());
        assertThat(body.path("tools").get(0).path("function").path("name").asText()).isEqualTo("lookup_order");
        assertThat(body.path("tools").get(0).path("function").path("parameters").path("required").get(0).asText())
                .isEqualTo("order_id");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
    }
}
