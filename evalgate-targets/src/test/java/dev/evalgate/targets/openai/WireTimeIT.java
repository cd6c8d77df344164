package dev.evalgate.targets.openai;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.Target;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.targets.http.HttpTargetKind;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call over HTTP is timed on the wire, from the request's last byte written to the answer's last byte read, and
 * that time is the latency a run reports: it holds the server's wait and lies inside the whole call.
 */
class WireTimeIT {

    private static final String ANSWER = """
            {"choices":[{"message":{"role":"assistant","content":"yes"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}""";
    private static final Request REQUEST = new Request(Case.of("c1", "question", Expected.none()), null, 0);
    private static final CallPolicy POLICY =
            new CallPolicy(1, 0, Duration.ZERO, 0, Duration.ofMillis(1), Duration.ofSeconds(1), 7);

    @Test
    void an_openai_call_is_timed_on_the_wire_and_reported_as_its_latency() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()
                .respondWith(r -> ScriptedResponse.json(200, ANSWER).after(Duration.ofMillis(40)))) {
            Target target = TestSpecs.create(new OpenAiTargetKind(), "base_url: " + server.url("/v1") + "\nmodel: m\n");
            assertTimedOnTheWire(target);
        }
    }

    @Test
    void an_http_get_without_a_body_is_timed_on_the_wire_too() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()
                .respondWith(r -> ScriptedResponse.json(200, "{\"answer\":\"yes\"}").after(Duration.ofMillis(40)))) {
            Target target = TestSpecs.create(new HttpTargetKind(), "url: " + server.url("/ask?q={{input}}")
                    + "\nmethod: GET\noutput: $.answer\n");
            assertTimedOnTheWire(target);
        }
    }

    private static void assertTimedOnTheWire(Target target) throws Exception {
        try (ResilientCaller caller = new ResilientCaller(target, POLICY)) {
            for (int i = 0; i < 3; i++) {
                long before = System.nanoTime();
                Attempted attempted = caller.call(REQUEST);
                double whole = (System.nanoTime() - before) / 1e6;

                assertThat(attempted.failed()).as(String.valueOf(attempted.error())).isFalse();
                double wire = attempted.reply().wireMs();
                assertThat(wire).as("the server's 40 ms wait is on the wire").isGreaterThanOrEqualTo(40)
                        .isLessThanOrEqualTo(whole);
                assertThat(attempted.latencyMs()).isEqualTo(wire);
            }
        }
    }
}
