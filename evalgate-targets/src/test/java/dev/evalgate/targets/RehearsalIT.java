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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
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
}
