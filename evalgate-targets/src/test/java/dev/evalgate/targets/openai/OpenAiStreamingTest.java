package dev.evalgate.targets.openai;

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

class OpenAiStreamingTest {

    private static final Request REQUEST = new Request(Case.of("c1", "x", Expected.none()),
            new RenderedPrompt("Be brief.", "Hello"), 0);

    private static String body(String yaml) {
        try (OpenAiTarget target = (OpenAiTarget) TestSpecs.create(new OpenAiTargetKind(),
                "base_url: http://127.0.0.1:9/v1\nmodel: m\n" + yaml)) {
            return target.body(REQUEST).toString();
        }
    }

    @Test
    void a_streaming_request_asks_for_events_and_for_the_usage_at_the_end() {
        assertThat(body("stream: true\nmax_tokens: 5\n")).isEqualTo("""
                {"model":"m","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}],\
                "max_tokens":5,"stream":true,"stream_options":{"include_usage":true}}""");
    }

    @Test
    void a_request_that_does_not_stream_says_nothing_of_streams() {
        assertThat(body("")).isEqualTo("""
                {"model":"m","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}]}""");
        assertThat(body("stream: false\n")).doesNotContain("stream");
    }

    @Test
    void content_pieces_make_the_answer_and_the_last_chunk_the_usage() {
        OpenAiEvents events = new OpenAiEvents();

        assertThat(events.accept(null, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))
                .isEqualTo(Seen.NOTHING);
        assertThat(events.accept(null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"bill\"}}],\"usage\":null}"))
                .isEqualTo(Seen.CONTENT);
        assertThat(events.accept(null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ing\"}}]}"))
                .isEqualTo(Seen.CONTENT);
        assertThat(events.accept(null, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"))
                .isEqualTo(Seen.NOTHING);
        assertThat(events.accept(null, "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2}}"))
                .isEqualTo(Seen.NOTHING);
        assertThat(events.accept(null, "[DONE]")).isEqualTo(Seen.END);

        assertThat(events.text()).isEqualTo("billing");
        assertThat(events.usage()).isEqualTo(new TokenUsage(12, 2));
    }

    @Test
    void a_refusal_streams_as_the_answer_like_a_refusal_read_whole() {
        OpenAiEvents events = new OpenAiEvents();
        events.accept(null, "{\"choices\":[{\"delta\":{\"refusal\":\"No.\"}}]}");

        assertThat(events.text()).isEqualTo("No.");
    }

    @Test
    void a_chunk_that_is_not_json_is_a_retriable_transfer_fault() {
        assertThatThrownBy(() -> new OpenAiEvents().accept(null, "{\"choices\":[{\"delta\":{\"content\":\"bi"))
                .isInstanceOfSatisfying(TargetException.Retriable.class,
                        e -> assertThat(e.kind()).isEqualTo("malformed_response"));
    }

    @Test
    void an_error_in_the_stream_is_retried() {
        assertThatThrownBy(() -> new OpenAiEvents().accept(null, "{\"error\":{\"message\":\"overloaded\"}}"))
                .isInstanceOfSatisfying(TargetException.Retriable.class,
                        e -> assertThat(e.getMessage()).contains("overloaded"));
    }
}
