package dev.evalgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedTest {

    private static JsonNode redact(String yaml) {
        return Redacted.of(YamlTree.parse("evalgate.yaml", yaml,
                Interpolator.of(Map.of("MODEL", "gpt-secret-model", "KEY", "sk-env-123"))));
    }

    @Test
    void values_under_secret_keys_are_masked_even_when_written_literally() {
        JsonNode tree = redact("""
                api_key: sk-literal-123
                apiKey: sk-literal-456
                password: hunter2
                model: gpt-4o-mini
                """);

        assertThat(tree.get("api_key").asText()).isEqualTo(Redacted.MASK);
        assertThat(tree.get("apiKey").asText()).isEqualTo(Redacted.MASK);
        assertThat(tree.get("password").asText()).isEqualTo(Redacted.MASK);
        assertThat(tree.get("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void an_authorization_header_is_masked_and_other_headers_kept() {
        JsonNode headers = redact("""
                headers:
                  Authorization: Bearer sk-literal-123
                  X-Auth-Token: abc
                  Accept: application/json
                """).get("headers");

        assertThat(headers.get("Authorization").asText()).isEqualTo(Redacted.MASK);
        assertThat(headers.get("X-Auth-Token").asText()).isEqualTo(Redacted.MASK);
        assertThat(headers.get("Accept").asText()).isEqualTo("application/json");
    }

    @Test
    void everything_under_a_secret_key_is_masked() {
        JsonNode tree = redact("""
                credentials: { user: me, keys: [a, b] }
                """);

        assertThat(tree.toString()).isEqualTo("{\"credentials\":{\"user\":\"***\",\"keys\":[\"***\",\"***\"]}}");
    }

    @Test
    void values_taken_from_the_environment_are_masked_under_any_key() {
        JsonNode tree = redact("""
                model: ${MODEL}
                url: https://host/v1?k=${KEY}
                region: ${UNSET:-eu}
                """);

        assertThat(tree.get("model").asText()).isEqualTo(Redacted.MASK);
        assertThat(tree.get("url").asText()).isEqualTo(Redacted.MASK);
        assertThat(tree.get("region").asText()).isEqualTo("eu");
        assertThat(tree.toString()).doesNotContain("gpt-secret-model").doesNotContain("sk-env-123");
    }

    @Test
    void token_counts_are_settings_not_secrets() {
        JsonNode tree = redact("""
                max_tokens: 256
                max_completion_tokens: 512
                access_token: abc
                """);

        assertThat(tree.get("max_tokens").asText()).isEqualTo("256");
        assertThat(tree.get("max_completion_tokens").asText()).isEqualTo("512");
        assertThat(tree.get("access_token").asText()).isEqualTo(Redacted.MASK);
    }

    @Test
    void nulls_and_lists_keep_their_shape() {
        JsonNode tree = redact("""
                prompt:
                stop: ["\\n", END]
                """);

        assertThat(tree.get("prompt").isNull()).isTrue();
        assertThat(tree.get("stop").toString()).isEqualTo("[\"\\n\",\"END\"]");
    }

    @Test
    void cookie_and_subscription_key_headers_are_masked_like_authorization() {
        JsonNode headers = redact("""
                headers:
                  Cookie: session=ck-literal-123
                  Ocp-Apim-Subscription-Key: ocp-literal-123
                  X-Goog-Api-Key: goog-literal-123
                  Content-Type: application/json
                """).get("headers");

        assertThat(headers.get("Cookie").asText()).isEqualTo(Redacted.MASK);
        assertThat(headers.get("Ocp-Apim-Subscription-Key").asText()).isEqualTo(Redacted.MASK);
        assertThat(headers.get("X-Goog-Api-Key").asText()).isEqualTo(Redacted.MASK);
        assertThat(headers.get("Content-Type").asText()).isEqualTo("application/json");
    }

    @Test
    void settings_whose_names_only_look_like_credentials_stay_visible() {
        JsonNode tree = redact("""
                max_tokens: 200
                keywords: [refund, billing]
                """);

        assertThat(tree.get("max_tokens").asText()).isEqualTo("200");
        assertThat(tree.get("keywords").get(0).asText()).isEqualTo("refund");
    }

    @Test
    void a_credential_written_again_under_a_plain_key_is_masked_there_too() {
        JsonNode tree = redact("""
                api_key: sk-literal-123456
                note: "the key is sk-literal-123456"
                """);

        assertThat(tree.get("note").asText()).isEqualTo("the key is ***");
    }
}
