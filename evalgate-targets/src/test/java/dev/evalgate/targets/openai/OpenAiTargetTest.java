package dev.evalgate.targets.openai;

import dev.evalgate.error.ConfigException;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.targets.TestSpecs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiTargetTest {

    @Test
    void reads_content_and_usage_from_a_completion() {
        Reply reply = OpenAiTarget.parse("""
                {"choices": [{"message": {"role": "assistant", "content": "billing"}}],
                 "usage": {"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 13}}""");

        assertThat(reply).isEqualTo(Reply.of("billing", 12, 1));
    }

    @Test
    void reports_no_usage_when_the_server_sends_none() {
        assertThat(OpenAiTarget.parse("{\"choices\": [{\"message\": {\"content\": \"x\"}}]}").usage()).isNull();
    }

    @Test
    void uses_the_refusal_as_output_when_there_is_no_content() {
        Reply reply = OpenAiTarget.parse("{\"choices\": [{\"message\": {\"content\": null, \"refusal\": \"No.\"}}]}");

        assertThat(reply.text()).isEqualTo("No.");
    }

    @Test
    void a_refusal_to_a_request_with_a_schema_is_a_fatal_error_not_an_output() {
        assertThatThrownBy(() -> OpenAiTarget.parseStructured(
                "{\"choices\": [{\"message\": {\"content\": null, \"refusal\": \"No.\"}}]}"))
                .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                    assertThat(e.kind()).isEqualTo("refusal");
                    assertThat(e.getMessage()).isEqualTo("the model refused to answer in the schema: No.");
                });
        assertThat(OpenAiTarget.parseStructured("{\"choices\": [{\"message\": {\"content\": \"{}\"}}]}").text())
                .isEqualTo("{}");
    }

    @Test
    void fails_as_malformed_when_choices_are_missing() {
        assertThatThrownBy(() -> OpenAiTarget.parse("{\"object\": \"list\"}"))
                .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                    assertThat(e.kind()).isEqualTo("malformed_response");
                    assertThat(e.getMessage()).contains("choices[0].message.content").contains("{\"object\": \"list\"}");
                });
    }

    @Test
    void a_body_that_is_not_json_is_a_retriable_transfer_fault() {
        assertThatThrownBy(() -> OpenAiTarget.parse("<html>Bad gateway</html>"))
                .isInstanceOfSatisfying(TargetException.Retriable.class,
                        e -> assertThat(e.getMessage()).contains("not JSON").contains("<html>Bad gateway</html>"));
    }

    @Test
    void an_empty_or_cut_short_body_is_a_retriable_transfer_fault() {
        for (String body : new String[] {"", "  ", "{\"choices\": [{\"message\": {\"content\": \"bil"}) {
            assertThatThrownBy(() -> OpenAiTarget.parse(body))
                    .isInstanceOfSatisfying(TargetException.Retriable.class,
                            e -> assertThat(e.kind()).isEqualTo("malformed_response"));
        }
    }

    @Test
    void requires_a_model() {
        assertThatThrownBy(() -> TestSpecs.create(new OpenAiTargetKind(), "base_url: http://127.0.0.1:9/v1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'model' is required");
    }

    @Test
    void requires_a_key_for_the_openai_api_and_says_how_to_give_one() {
        assertThatThrownBy(() -> TestSpecs.create(new OpenAiTargetKind(), "model: gpt-4o-mini\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'api_key' is required")
                .hasMessageContaining("${OPENAI_API_KEY}");
    }

    @Test
    void rejects_an_unknown_response_format() {
        assertThatThrownBy(() -> TestSpecs.create(new OpenAiTargetKind(),
                "base_url: http://127.0.0.1:9/v1\nmodel: m\nresponse_format: xml\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("suite.yaml:3: key 'response_format' must be 'json' or 'text', but is 'xml'");
    }

    @Test
    void reads_every_option_it_supports_so_none_is_reported_unknown() {
        String yaml = """
                base_url: http://127.0.0.1:9/v1
                model: m
                api_key: k-123456
                temperature: 0.2
                max_tokens: 10
                response_format: text
                organization: o
                headers: {X-A: b}
                connect_timeout: 2s
                """;

        TestSpecs.create(new OpenAiTargetKind(), yaml).close();
    }

    @Test
    void reports_a_misspelt_option_with_the_nearest_valid_one() {
        assertThatThrownBy(() -> TestSpecs.create(new OpenAiTargetKind(),
                "base_url: http://127.0.0.1:9/v1\nmodel: m\ntemprature: 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'temprature'. Did you mean 'temperature'?");
    }
}
