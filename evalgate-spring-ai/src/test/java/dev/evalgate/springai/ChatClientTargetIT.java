package dev.evalgate.springai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.dataset.Case;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.testkit.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A ChatClient over Spring AI's real OpenAI client and a loopback server, as an evalgate target. */
class ChatClientTargetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Request BRACES = new Request(Case.of("c1", "Parse {\"order\": 12}", null), null, 0);

    private final LoopbackServer server = LoopbackServer.start();
    private final ChatClient client = ChatClient.builder(OpenAiLoopback.model(server))
            .defaultSystem("Answer briefly.").build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sends_the_clients_system_text_and_the_case_input_untouched_and_reports_tokens() throws Exception {
        server.enqueue(OpenAiLoopback.answer("order 12", 9, 2));

        Reply reply = ChatClientTarget.of(client).call(BRACES);

        assertThat(reply.text()).isEqualTo("order 12");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(9, 2));
        JsonNode messages = JSON.readTree(server.requests().getFirst().body()).path("messages");
        assertThat(messages.get(0).path("content").toString()).contains("Answer briefly.");
        assertThat(messages.get(1).path("content").toString()).contains("Parse {\\\"order\\\": 12}");
    }

    @Test
    void a_custom_call_shapes_the_prompt_as_the_application_does() throws Exception {
        server.enqueue(OpenAiLoopback.answer("ok", 3, 1));

        ChatClientTarget.of(client, (c, request) -> c.prompt().user("Customer says: " + request.kase().id())).call(BRACES);

        assertThat(server.requests().getFirst().body()).contains("Customer says: c1");
    }

    @Test
    void errors_through_the_client_are_translated_like_the_models() {
        server.respondWith(r -> OpenAiLoopback.error(429, "slow down"));

        TargetException e = catchThrowableOfType(TargetException.class, () -> ChatClientTarget.of(client).call(BRACES));

        assertThat(e.kind()).isEqualTo("http_429");
        assertThat(e.retriable()).isTrue();
    }
}
