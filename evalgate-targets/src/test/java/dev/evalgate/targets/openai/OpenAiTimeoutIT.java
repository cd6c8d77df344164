package dev.evalgate.targets.openai;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.run.CallError;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call to a real loopback server that outlives its timeout, on the caller's own thread: the JDK's client gives up
 * when interrupted, the attempt is reported as a timeout, and the thread goes on uninterrupted to its next call.
 */
class OpenAiTimeoutIT {

    private static final String ANSWER = """
            {"choices":[{"message":{"role":"assistant","content":"yes"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}""";

    @Test
    @Timeout(20)
    void a_slow_answer_is_a_timeout_and_the_thread_goes_on_to_its_next_call() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (LoopbackServer server = LoopbackServer.start().respondWith(r -> requests.incrementAndGet() == 1
                ? ScriptedResponse.json(200, ANSWER).after(Duration.ofSeconds(5)) : ScriptedResponse.json(200, ANSWER));
             ResilientCaller slowCaller = caller(server, Duration.ofMillis(300));
             ResilientCaller nextCaller = caller(server, Duration.ofSeconds(10))) {
            Request request = new Request(Case.of("c1", "question", Expected.none()), null, 0);
            long start = System.nanoTime();

            Attempted slow = slowCaller.call(request);

            assertThat((System.nanoTime() - start) / 1e6).as("gave up at the timeout, not at the answer")
                    .isLessThan(4_000);
            assertThat(slow.error()).isEqualTo(new CallError("timeout", "no answer within 300 ms"));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();

            Attempted next = nextCaller.call(request);

            assertThat(next.failed()).as(String.valueOf(next.error())).isFalse();
            assertThat(next.reply().text()).isEqualTo("yes");
        }
    }

    private static ResilientCaller caller(LoopbackServer server, Duration timeout) {
        return new ResilientCaller(TestSpecs.create(new OpenAiTargetKind(), "base_url: " + server.url("/v1")
                + "\nmodel: m\n"), new CallPolicy(1, 0, timeout, 0, Duration.ofMillis(1), Duration.ofSeconds(1), 7));
    }
}
