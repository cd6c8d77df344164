package dev.evalgate.targets.openai;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.Target;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.testkit.StreamingServer;
import dev.evalgate.testkit.StreamingServer.Piece;
import dev.evalgate.testkit.StreamingServer.Script;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiStreamingIT {

    private static final Request REQUEST = new Request(Case.of("c1", "Hello", Expected.none()), null, 0);
    private static final CallPolicy RETRY_TWICE = new CallPolicy(1, 0, Duration.ofSeconds(20), 2,
            Duration.ofMillis(1), Duration.ofMillis(5), 1);

    private static Piece at(long ms, String data) {
        return new Piece(Duration.ofMillis(ms), "data: " + data + "\n\n");
    }

    /** "bill" after 30 ms, "ing" 50 ms later, then the usage and the end. */
    private static List<Piece> answer() {
        return List.of(
                at(30, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"bill\"}}],\"usage\":null}"),
                at(50, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ing\"},\"finish_reason\":null}]}"),
                at(0, "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14}}"),
                at(0, "[DONE]"));
    }

    private static Target target(StreamingServer server) {
        return TestSpecs.create(new OpenAiTargetKind(), "base_url: " + server.url("/v1") + "\nmodel: m\nstream: true\n");
    }

    @Test
    void assembles_the_same_text_and_usage_as_the_answer_read_whole_and_times_the_first_token() throws Exception {
        try (StreamingServer server = StreamingServer.start(body -> Script.of(answer()));
             Target target = target(server)) {
            long start = System.nanoTime();
            Reply reply = target.call(REQUEST);
            double callMs = (System.nanoTime() - start) / 1e6;

            Reply whole = OpenAiTarget.parse("""
                    {"choices":[{"message":{"role":"assistant","content":"billing"}}],
                     "usage":{"prompt_tokens":12,"completion_tokens":2}}""");
            assertThat(new Reply(reply.text(), reply.usage())).isEqualTo(whole);
            StreamingServer.Timing own = server.timings().get(1);
            assertThat(reply.stream()).isNotNull();
            // The client's clock starts when the JDK hands over the request's last byte, which can be a moment after
            // the server's clock started on the request's arrival: allow 2 ms for that, far below the 20 ms between
            // the first and the last piece that a TTFT taken at the end would add.
            assertThat(reply.stream().ttftMs()).as("about the server's own wait before the first piece")
                    .isGreaterThanOrEqualTo(own.firstPieceMs() - 2.0).isLessThan(own.lastByteMs());
            // the rest came later than the first piece, and both fit in the call
            assertThat(reply.stream().generationMs()).isPositive()
                    .isLessThanOrEqualTo(callMs - reply.stream().ttftMs());
            assertThat(reply.stream().outputTokensPerSecond(reply.usage()))
                    .isEqualTo(2 / (reply.stream().generationMs() / 1000));
        }
    }

    @Test
    void a_stream_cut_short_before_its_end_is_retried_and_passes_on_the_third_attempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StreamingServer server = StreamingServer.start(body -> calls.incrementAndGet() <= 2
                ? Script.of(answer().subList(0, 2)) // ends cleanly, but without its usage and [DONE]
                : Script.of(answer()));
             ResilientCaller caller = new ResilientCaller(target(server), RETRY_TWICE)) {
            Attempted attempted = caller.call(REQUEST);

            assertThat(attempted.failed()).as(String.valueOf(attempted.error())).isFalse();
            assertThat(attempted.attempts()).isEqualTo(3);
            assertThat(attempted.reply().text()).isEqualTo("billing");
        }
    }

    @Test
    void a_stream_always_cut_short_fails_naming_the_missing_end_after_the_retries() throws Exception {
        try (StreamingServer server = StreamingServer.start(body -> Script.of(answer().subList(0, 2)));
             ResilientCaller caller = new ResilientCaller(target(server), RETRY_TWICE)) {
            Attempted attempted = caller.call(REQUEST);

            assertThat(attempted.attempts()).isEqualTo(3);
            assertThat(attempted.error().kind()).isEqualTo("malformed_response");
            assertThat(attempted.error().message()).contains("cut short").contains("[DONE]").contains("billing");
        }
    }

    @Test
    void a_connection_dropped_mid_stream_is_retried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StreamingServer server = StreamingServer.start(body -> calls.incrementAndGet() == 1
                ? new Script(answer().subList(0, 1), false)
                : Script.of(answer()));
             ResilientCaller caller = new ResilientCaller(target(server), RETRY_TWICE)) {
            Attempted attempted = caller.call(REQUEST);

            assertThat(attempted.failed()).as(String.valueOf(attempted.error())).isFalse();
            assertThat(attempted.attempts()).isEqualTo(2);
        }
    }
}
