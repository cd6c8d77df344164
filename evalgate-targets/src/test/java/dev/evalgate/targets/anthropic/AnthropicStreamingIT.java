package dev.evalgate.targets.anthropic;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.testkit.StreamingServer;
import dev.evalgate.testkit.StreamingServer.Piece;
import dev.evalgate.testkit.StreamingServer.Script;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicStreamingIT {

    private static Piece at(long ms, String event, String data) {
        return new Piece(Duration.ofMillis(ms), "event: " + event + "\ndata: " + data + "\n\n");
    }

    @Test
    void assembles_the_same_text_and_usage_as_the_answer_read_whole_and_times_the_first_token() throws Exception {
        List<Piece> pieces = List.of(
                at(0, "message_start", "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}"),
                at(0, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                at(30, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"bill\"}}"),
                at(40, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ing\"}}"),
                at(0, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                at(0, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}"),
                at(0, "message_stop", "{\"type\":\"message_stop\"}"));
        try (StreamingServer server = StreamingServer.start(body -> Script.of(pieces));
             Target target = TestSpecs.create(new AnthropicTargetKind(),
                     "base_url: " + server.url("") + "\nmodel: m\nstream: true\n")) {
            long start = System.nanoTime();
            Reply reply = target.call(new Request(Case.of("c1", "Hello", Expected.none()), null, 0));
            double callMs = (System.nanoTime() - start) / 1e6;

            Reply whole = AnthropicTarget.parse("""
                    {"content":[{"type":"text","text":"billing"}],"usage":{"input_tokens":25,"output_tokens":2}}""");
            assertThat(new Reply(reply.text(), reply.usage())).isEqualTo(whole);
            assertThat(reply.stream().ttftMs()).as("the first text delta, not message_start, is the first token")
                    .isGreaterThanOrEqualTo(server.timings().get(1).firstPieceMs() + 28); // 30 ms later, less clock lag
            assertThat(reply.stream().generationMs()).isPositive()
                    .isLessThanOrEqualTo(callMs - reply.stream().ttftMs());
        }
    }
}
