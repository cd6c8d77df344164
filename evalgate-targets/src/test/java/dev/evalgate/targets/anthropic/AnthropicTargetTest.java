package dev.evalgate.targets.anthropic;

import dev.evalgate.error.ConfigException;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.targets.TestSpecs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicTargetTest {

    @Test
    void the_forced_tool_calls_input_is_the_reply() {
        Reply reply = AnthropicTarget.parseTool("""
                {"content": [{"type": "text", "text": "Grading."},
                  {"type": "tool_use", "id": "t1", "name": "verdict", "input": {"verdict": "pass", "score": 1}}],
                 "usage": {"input_tokens": 50, "output_tokens": 9}}""", "verdict");

        assertThat(reply).isEqualTo(Reply.of("{\"verdict\":\"pass\",\"score\":1}", 50, 9));
    }

    @Test
    void an_answer_without_the_forced_tool_call_is_a_fatal_error() {
        assertThatThrownBy(() -> AnthropicTarget.parseTool("{\"content\": [{\"type\": \"text\", \"text\": \"YES\"}],"
                + " \"stop_reason\": \"end_turn\"}", "verdict"))
                .isInstanceOfSatisfying(dev.evalgate.error.TargetException.Fatal.class, e -> {
                    assertThat(e.kind()).isEqualTo("no_tool_call");
                    assertThat(e.getMessage()).isEqualTo("the model did not call tool 'verdict' (stop_reason "
                            + "end_turn): YES");
                });
    }

    @Test
    void joins_text_blocks_and_reads_usage() {
        Reply reply = AnthropicTarget.parse("""
                {"content": [{"type": "thinking", "thinking": "hmm"}, {"type": "text", "text": "bill"},
                             {"type": "text", "text": "ing"}],
                 "usage": {"input_tokens": 20, "output_tokens": 2}}""");

        assertThat(reply).isEqualTo(Reply.of("billing", 20, 2));
    }

    @Test
    void fails_as_malformed_without_a_content_list() {
        assertThatThrownBy(() -> AnthropicTarget.parse("{\"type\": \"message\"}"))
                .isInstanceOfSatisfying(TargetException.Fatal.class,
                        e -> assertThat(e.kind()).isEqualTo("malformed_response"));
    }

    @Test
    void a_body_cut_short_is_a_retriable_transfer_fault() {
        assertThatThrownBy(() -> AnthropicTarget.parse("{\"content\": [{\"type\": \"text\", \"te"))
                .isInstanceOfSatisfying(TargetException.Retriable.class,
                        e -> assertThat(e.kind()).isEqualTo("malformed_response"));
    }

    @Test
    void requires_a_key_for_the_anthropic_api() {
        assertThatThrownBy(() -> TestSpecs.create(new AnthropicTargetKind(), "model: claude-3-5-haiku-latest\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'api_key' is required")
                .hasMessageContaining("${ANTHROPIC_API_KEY}");
    }

    @Test
    void rejects_a_temperature_above_one() {
        assertThatThrownBy(() -> TestSpecs.create(new AnthropicTargetKind(),
                "base_url: http://127.0.0.1:9\nmodel: m\ntemperature: 1.5\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'temperature' must be between 0.0 and 1.0, but is 1.5");
    }
}
