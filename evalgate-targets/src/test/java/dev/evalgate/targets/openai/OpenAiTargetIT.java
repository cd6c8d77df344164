package dev.evalgate.targets.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.targets.internal.Texts;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.RecordedRequest;
import dev.evalgate.testkit.ScriptedResponse;
import dev.evalgate.testkit.TargetContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiTargetIT extends TargetContract {

    private static LoopbackServer server;

    @BeforeAll
    static void startServer() {
        server = LoopbackServer.start().respondWith(OpenAiTargetIT::chatCompletion);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A chat completions endpoint that follows the contract's fixture. */
    static ScriptedResponse chatCompletion(RecordedRequest request) {
        JsonNode messages = json(request.body()).path("messages");
        String user = messages.path(messages.size() - 1).path("content").asText();
        TokenUsage usage = usageFor(user);
        ObjectNode answer = Texts.JSON.createObjectNode();
        answer.putArray("choices").addObject().putObject("message")
                .put("role", "assistant").put("content", answerFor(user));
        answer.putObject("usage").put("prompt_tokens", usage.input()).put("completion_tokens", usage.output())
                .put("total_tokens", usage.input() + usage.output());
        return ScriptedResponse.json(200, answer.toString());
    }

    static JsonNode json(String text) {
        try {
            return Texts.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Target newTarget() {
        return TestSpecs.create(new OpenAiTargetKind(), "base_url: " + server.url("/v1") + "\nmodel: test-model\n");
    }

    @Override
    protected boolean reportsTokens() {
        return true;
    }

    @Test
    void posts_model_messages_options_and_credentials_to_chat_completions() throws Exception {
        String yaml = """
                base_url: %s/
                model: gpt-test
                api_key: sk-test-key-1234
                organization: org-42
                temperature: 0
                max_tokens: 50
                response_format: json
                headers: { X-Team: evals }
                """.formatted(server.url("/v1"));
        int before = server.requestCount();
        try (Target target = TestSpecs.create(new OpenAiTargetKind(), yaml)) {
            Request request = new Request(Case.of("c1", "raw", Expected.none()),
                    new RenderedPrompt("Be brief.", "Say hi"), 0);

            Reply reply = target.call(request);

            assertThat(reply.text()).isEqualTo(answerFor("Say hi"));
        }
        RecordedRequest sent = server.requests().get(before);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-key-1234");
        assertThat(sent.header("OpenAI-Organization")).isEqualTo("org-42");
        assertThat(sent.header("X-Team")).isEqualTo("evals");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(json(sent.body())).isEqualTo(json("""
                {"model": "gpt-test",
                 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hi"}],
                 "temperature": 0.0, "max_tokens": 50, "response_format": {"type": "json_object"}}
                """));
    }

    @Test
    void sends_no_authorization_header_when_no_key_is_configured() throws Exception {
        int before = server.requestCount();
        try (Target target = newTarget()) {
            target.call(new Request(Case.of("c1", "x", Expected.none()), null, 0));
        }
        assertThat(server.requests().get(before).header("Authorization")).isNull();
    }
}
