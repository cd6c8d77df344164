package dev.evalgate.targets.anthropic;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Request;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.targets.internal.SseProtocol.Seen;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicStreamingTest {

    private static final Request REQUEST = new Request(Case.of("c1", "x", Expected.none()),
            new RenderedPrompt("Be brief.", "Hello"), 0);

    private static String body(String yaml) {
        try (AnthropicTarget target = (AnthropicTarget) TestSpecs.create(new AnthropicTargetKind(),
                "base_url: http://127.0.0.1:9\nmodel: m\n" + yaml)) {
            return target.body(REQUEST).toString();
        }
    }

    @Test
    void a_streaming_request_says_stream_true_and_nothing_else_changes() {
        assertThat(body("stream: true\n")).isEqualTo("""
                {"model":"m","max_tokens":1024,"system":"Be brief.","messages":[{"role":"user","content":"Hello"}],\
                "stream":true}""");
        assertThat(body("")).isEqualTo("""
                {"model":"m","max_tokens":1024,"system":"Be brief.","messages":[{"role":"user","content":"Hello"}]}""");
    }

    @Test
    void text_deltas_make_the_answer_with_input_tokens_from_the_start_and_output_tokens_from_the_last_delta() {
        AnthropicEvents events = new AnthropicEvents();

        assertThat(events.accept("message_start", """
                {"type":"message_start","message":{"id":"m1","usage":{"input_tokens":25,"output_tokens":1}}}"""))
                .isEqualTo(Seen.NOTHING);
        assertThat(events.accept("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"))
                .isEqualTo(Seen.NOTHING);
        assertThat(events.accept("ping", "{\"type\": \"ping\"}")).isEqualTo(Seen.NOTHING);
        assertThat(events.accept("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"bill\"}}"))
                .isEqualTo(Seen.CONTENT);
        assertThat(events.accept("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}}"))
                .isEqualTo(Seen.NOTHING);
        assertThat(events.accept("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ing\"}}"))
                .isEqualTo(Seen.CONTENT);
        assertThat(events.accept("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}"))
                .isEqualTo(Seen.NOTHING);
        assertThat(events.accept("message_stop", "{\"type\":\"message_stop\"}")).isEqualTo(Seen.END);

        assertThat(events.text()).isEqualTo("billing");
        assertThat(events.usage()).isEqualTo(new TokenUsage(25, 3));
    }

    @Test
    void an_overloaded_stream_is_retried_and_an_invalid_request_is_not() {
        assertThatThrownBy(() -> new AnthropicEvents().accept("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
                .isInstanceOf(TargetException.Retriable.class).hasMessageContaining("Overloaded");
        assertThatThrownBy(() -> new AnthropicEvents().accept("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}"))
                .isInstanceOf(TargetException.Fatal.class);
    }
}
