package dev.evalgate.targets;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.target.Rehearsal;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKind;
import dev.evalgate.targets.anthropic.AnthropicTargetKind;
import dev.evalgate.targets.http.HttpTargetKind;
import dev.evalgate.targets.openai.OpenAiTargetKind;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolJson;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Every HTTP target kind's rehearsal speaks its protocol to the stand-in, and never to the real endpoint. */
class RehearsalIT {

    private final LoopbackServer real = LoopbackServer.start();
    private final LoopbackServer standIn = LoopbackServer.start();

    @AfterEach
    void stop() {
        real.close();
        standIn.close();
    }

    private Reply rehearse(TargetKind kind, String options) throws Exception {
        try (Target target = TestSpecs.create(kind, options)) {
            Rehearsal rehearsal = target.rehearsal(URI.create("http://127.0.0.1:" + standIn.port())).orElseThrow();
            AtomicReference<String> reply = new AtomicReference<>(rehearsal.reply());
            standIn.respondWith(request -> ScriptedResponse.json(200, reply.get()));
            Reply answer = rehearsal.target().call(new Request(Case.of("c1", "hello", Expected.none()), null, 0));
            rehearsal.target().close();
            // the original still works after its rehearsal copy is closed: they share one transport
            real.respondWith(request -> ScriptedResponse.json(200, reply.get()));
            assertThat(target.call(new Request(Case.of("c2", "hi", Expected.none()), null, 0)).text()).isEqualTo("ok");
            return answer;
        }
    }

    @Test
    void an_openai_target_rehearses_against_the_stand_in_on_the_same_path() throws Exception {
        Reply reply = rehearse(new OpenAiTargetKind(), "base_url: " + real.url("/v1") + "\nmodel: m\n");

        assertThat(reply.text()).isEqualTo("ok");
        assertThat(standIn.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/v1/chat/completions"));
        assertThat(real.requestCount()).isEqualTo(1);
    }

    @Test
    void an_anthropic_target_rehearses_against_the_stand_in() throws Exception {
        Reply reply = rehearse(new AnthropicTargetKind(), "base_url: " + real.url("") + "\nmodel: m\n");

        assertThat(reply.text()).isEqualTo("ok");
        assertThat(standIn.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/v1/messages"));
        assertThat(real.requestCount()).isEqualTo(1);
    }

    @Test
    void an_http_target_rehearses_with_an_answer_at_its_output_path() throws Exception {
        Reply reply = rehearse(new HttpTargetKind(), """
                url: %s
                body: { text: "{{input}}" }
                output: $.result[0].label
                input_tokens: $.usage.in
                output_tokens: $['usage']['out']
                """.formatted(real.url("/predict?v=1")));

        assertThat(reply.text()).isEqualTo("ok");
        assertThat(reply.usage().input()).isEqualTo(1);
        assertThat(reply.usage().output()).isEqualTo(1);
        assertThat(standIn.requests()).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("hello"));
        assertThat(real.requestCount()).isEqualTo(1);
    }

    private static final ToolSpec LOOKUP = new ToolSpec("lookup_order", "Find an order",
            ToolJson.MAPPER.createObjectNode().put("type", "object"));
    private static final ToolCall CALL = new ToolCall("stand_in_1", "lookup_order", "{\"order_id\":\"x\"}");

    /** A conversation's first model call, rehearsed with the stand-in answering what the protocol says for {@code calls}. */
    private Reply converse(TargetKind kind, String options, List<ToolCall> calls) throws Exception {
        try (Target target = TestSpecs.create(kind, options)) {
            Rehearsal rehearsal = target.rehearsal(URI.create("http://127.0.0.1:" + standIn.port())).orElseThrow();
            assertThat(rehearsal.turns()).isNotNull();
            String answer = rehearsal.turns().answer(calls);
            standIn.respondWith(request -> ScriptedResponse.json(200, answer));
            Conversation conversation = new Conversation(List.of(Turn.of("user", "where is x?")), List.of(LOOKUP),
                    "auto");
            return rehearsal.target().call(new Request(Case.of("c1", "where is x?", Expected.none()), null, 0,
                    conversation));
        }
    }

    @Test
    void an_openai_stand_in_answers_a_conversation_with_the_tool_calls_it_is_given() throws Exception {
        Reply reply = converse(new OpenAiTargetKind(), "base_url: " + real.url("/v1") + "\nmodel: m\n", List.of(CALL));

        assertThat(reply.toolCalls()).containsExactly(CALL);
        assertThat(real.requestCount()).isZero();
    }

    @Test
    void a_streaming_openai_target_gets_its_conversation_turns_whole_from_the_stand_in() throws Exception {
        Reply reply = converse(new OpenAiTargetKind(), "base_url: " + real.url("/v1") + "\nmodel: m\nstream: true\n",
                List.of());

        assertThat(reply.text()).isEqualTo("ok");
        assertThat(reply.toolCalls()).isEmpty();
    }

    @Test
    void an_anthropic_stand_in_answers_a_conversation_with_tool_use_blocks() throws Exception {
        Reply reply = converse(new AnthropicTargetKind(), "base_url: " + real.url("") + "\nmodel: m\nstream: true\n",
                List.of(CALL));

        assertThat(reply.toolCalls()).containsExactly(CALL);
        assertThat(real.requestCount()).isZero();
    }

    @Test
    void an_http_target_that_reads_tool_calls_gets_them_at_its_path() throws Exception {
        Reply reply = converse(new HttpTargetKind(), """
                url: %s
                body: { text: "{{input}}" }
                output: $.answer
                tool_calls: $.data.calls
                """.formatted(real.url("/agent")), List.of(CALL));

        assertThat(reply.toolCalls()).containsExactly(CALL);
    }
}
