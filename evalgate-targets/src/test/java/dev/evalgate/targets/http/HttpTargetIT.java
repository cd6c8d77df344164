package dev.evalgate.targets.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTargetIT extends TargetContract {

    private static LoopbackServer server;

    @BeforeAll
    static void startServer() {
        server = LoopbackServer.start().respondWith(HttpTargetIT::predict);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A JSON service that answers {"result": {"label": ...}, "meta": {"in": n, "out": m}} per the fixture. */
    static ScriptedResponse predict(RecordedRequest request) {
        String text = json(request.body()).path("text").asText();
        TokenUsage usage = usageFor(text);
        ObjectNode answer = Texts.JSON.createObjectNode();
        answer.putObject("result").put("label", answerFor(text));
        answer.putObject("meta").put("in", usage.input()).put("out", usage.output());
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
        return TestSpecs.create(new HttpTargetKind(), """
                url: %s
                body: { text: "{{prompt}}" }
                output: $.result.label
                input_tokens: $.meta.in
                output_tokens: $.meta.out
                """.formatted(server.url("/predict")));
    }

    @Override
    protected boolean reportsTokens() {
        return true;
    }

    private static Request request(Case kase) {
        return new Request(kase, null, 0);
    }

    @Test
    void fills_url_placeholders_url_encoded_and_sends_typed_json_values() throws Exception {
        Case kase = new Case("c7", Map.of("input", "a b&c", "lang", "en/gb", "features", List.of(1, 2),
                "score", 0.5), Expected.none(), Map.of(), null, "cases.jsonl:7");
        server.enqueue(ScriptedResponse.json(200, "{\"label\": {\"name\": \"billing\", \"p\": 0.9}}"));
        int before = server.requestCount();
        try (Target target = TestSpecs.create(new HttpTargetKind(), """
                method: put
                url: "%s?lang={{lang}}&q={{input}}"
                headers: { X-Api-Key: secret-123 }
                body:
                  text: "Input: {{input}}"
                  features: "{{features}}"
                  score: "{{score}}"
                  limit: 3
                  flags: [true, "x"]
                output: $.label
                """.formatted(server.url("/items/{{input}}")))) {

            Reply reply = target.call(request(kase));

            assertThat(reply.text()).isEqualTo("{\"name\":\"billing\",\"p\":0.9}");
            assertThat(reply.usage()).isNull();
        }
        RecordedRequest sent = server.requests().get(before);
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.path()).isEqualTo("/items/a b&c");
        assertThat(sent.query()).isEqualTo("lang=en%2Fgb&q=a%20b%26c");
        assertThat(sent.header("X-Api-Key")).isEqualTo("secret-123");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(json(sent.body())).isEqualTo(json("""
                {"text": "Input: a b&c", "features": [1, 2], "score": 0.5, "limit": 3, "flags": [true, "x"]}
                """));
    }

    @Test
    void escapes_values_inside_a_json_text_body() throws Exception {
        Case kase = Case.of("q", "He said \"stop\"\nthen left", Expected.none());
        server.enqueue(ScriptedResponse.json(200, "{\"out\": \"ok\"}"));
        int before = server.requestCount();
        try (Target target = TestSpecs.create(new HttpTargetKind(), """
                url: %s
                body: '{"q": "{{input}}", "raw": {{{input_json}}}}'
                output: $.out
                """.formatted(server.url("/q")))) {
            Case withJson = new Case(kase.id(), Map.of("input", kase.input(), "input_json", "[1]"),
                    Expected.none(), Map.of(), null, "x");

            target.call(request(withJson));
        }
        assertThat(json(server.requests().get(before).body()))
                .isEqualTo(json("{\"q\": \"He said \\\"stop\\\"\\nthen left\", \"raw\": [1]}"));
    }

    @Test
    void fails_the_case_when_the_body_uses_a_field_it_lacks() {
        try (Target target = TestSpecs.create(new HttpTargetKind(), """
                url: %s
                body: { text: "{{question}}" }
                output: $.out
                """.formatted(server.url("/q")))) {

            assertThatThrownBy(() -> target.call(request(Case.of("c3", "x", Expected.none()))))
                    .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                        assertThat(e.kind()).isEqualTo("missing_variable");
                        assertThat(e.getMessage()).contains("{{question}}").contains("case c3");
                    });
        }
    }

    @Test
    void fails_as_malformed_when_the_output_path_finds_nothing() {
        server.enqueue(ScriptedResponse.json(200, "{\"answer\": \"x\"}"));
        try (Target target = TestSpecs.create(new HttpTargetKind(), """
                url: %s
                output: $.label
                """.formatted(server.url("/q")))) {

            assertThatThrownBy(() -> target.call(request(Case.of("c1", "x", Expected.none()))))
                    .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                        assertThat(e.kind()).isEqualTo("malformed_response");
                        assertThat(e.getMessage()).contains("$.label").contains("{\"answer\": \"x\"}");
                    });
        }
    }

    @Test
    void a_body_that_is_not_json_is_a_retriable_transfer_fault_naming_the_output_path() {
        server.enqueue(ScriptedResponse.json(200, "{\"label\": \"bill"));
        try (Target target = TestSpecs.create(new HttpTargetKind(), """
                url: %s
                output: $.label
                """.formatted(server.url("/q")))) {

            assertThatThrownBy(() -> target.call(request(Case.of("c1", "x", Expected.none()))))
                    .isInstanceOfSatisfying(TargetException.Retriable.class, e -> {
                        assertThat(e.kind()).isEqualTo("malformed_response");
                        assertThat(e.getMessage()).contains("$.label").contains("{\"label\": \"bill");
                    });
        }
    }
}
