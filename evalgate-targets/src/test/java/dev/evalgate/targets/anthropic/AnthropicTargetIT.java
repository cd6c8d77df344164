package dev.evalgate.targets.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

class AnthropicTargetIT extends TargetContract {

    private static LoopbackServer server;

    @BeforeAll
    static void startServer() {
        server = LoopbackServer.start().respondWith(AnthropicTargetIT::message);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A Messages endpoint that follows the contract's fixture, splitting the answer over two text blocks. */
    static ScriptedResponse message(RecordedRequest request) {
        String user = json(request.body()).path("messages").path(0).path("content").asText();
        String answer = answerFor(user);
        TokenUsage usage = usageFor(user);
        ObjectNode reply = Texts.JSON.createObjectNode().put("type", "message").put("role", "assistant");
        ArrayNode content = reply.putArray("content");
        content.addObject().put("type", "text").put("text", answer.substring(0, 3));
        content.addObject().put("type", "tool_use").put("id", "t1").put("name", "ignored");
        content.addObject().put("type", "text").put("text", answer.substring(3));
        reply.putObject("usage").put("input_tokens", usage.input()).put("output_tokens", usage.output());
        return ScriptedResponse.json(200, reply.toString());
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
        return TestSpecs.create(new AnthropicTargetKind(), "base_url: " + server.url("") + "\nmodel: claude-test\n");
    }

    @Override
    protected boolean reportsTokens() {
        return true;
    }

    @Test
    void posts_model_system_and_message_with_key_and_version_headers() throws Exception {
        String yaml = """
                base_url: %s/v1
                model: claude-test
                api_key: sk-ant-test-5678
                temperature: 0.5
                """.formatted(server.url(""));
        int before = server.requestCount();
        try (Target target = TestSpecs.create(new AnthropicTargetKind(), yaml)) {
            Reply reply = target.call(new Request(Case.of("c1", "raw", Expected.none()),
                    new RenderedPrompt("Be brief.", "Say hi"), 0));

            assertThat(reply.text()).isEqualTo(answerFor("Say hi"));
        }
        RecordedRequest sent = server.requests().get(before);
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo("sk-ant-test-5678");
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(json(sent.body())).isEqualTo(json("""
                {"model": "claude-test", "max_tokens": 1024, "system": "Be brief.", "temperature": 0.5,
                 "messages": [{"role": "user", "content": "Say hi"}]}
                """));
    }
}
