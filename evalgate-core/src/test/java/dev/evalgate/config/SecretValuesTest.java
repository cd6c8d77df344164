package dev.evalgate.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretValuesTest {

    private static final String KEY = "sk-abcdefghijklmnop";

    @Test
    void every_occurrence_of_a_secret_is_masked() {
        SecretValues secrets = SecretValues.of(List.of(KEY));

        assertThat(secrets.mask("key " + KEY + " and again " + KEY + "."))
                .isEqualTo("key *** and again ***.");
    }

    @Test
    void the_longest_secret_is_masked_first_so_a_longer_one_is_not_left_half_visible() {
        SecretValues secrets = SecretValues.of(List.of("abcd1234", "Bearer abcd1234"));

        assertThat(secrets.mask("Authorization: Bearer abcd1234")).isEqualTo("Authorization: ***");
    }

    @Test
    void the_start_of_a_secret_left_before_a_cut_mark_is_masked() {
        SecretValues secrets = SecretValues.of(List.of(KEY));

        assertThat(secrets.mask("HTTP 400: bad key sk-abcdefg…. Check the key."))
                .isEqualTo("HTTP 400: bad key ***…. Check the key.");
        assertThat(secrets.mask("two cuts sk-abcdefghijk… and sk-abcd…")).isEqualTo("two cuts ***… and ***…");
    }

    @Test
    void fewer_than_four_characters_of_a_secret_at_a_cut_stay() {
        assertThat(SecretValues.of(List.of(KEY)).mask("ends in sk-…")).isEqualTo("ends in sk-…");
    }

    @Test
    void a_credential_with_a_scheme_word_is_secret_whole_and_without_the_scheme() {
        assertThat(SecretValues.credential("Bearer sk-123")).contains("Bearer sk-123", "sk-123");
        assertThat(SecretValues.credential("sk-123")).containsExactly("sk-123");
    }

    @Test
    void each_long_value_of_a_cookie_is_secret_on_its_own() {
        assertThat(SecretValues.credential("session=abcdefgh123; lang=en"))
                .contains("session=abcdefgh123; lang=en", "abcdefgh123").doesNotContain("en");
    }

    @Test
    void a_config_yields_credentials_and_long_environment_values_but_not_short_ones_or_plain_settings() {
        ConfigNode root = YamlTree.parse("evalgate.yaml", """
                api_key: sk-literal-1
                model: "${MODEL}"
                port: "${PORT}"
                max_tokens: 200
                headers: { Cookie: "session=abc123def", Ocp-Apim-Subscription-Key: sub-key-1, Accept: text/plain }
                env: { WORKER_TOKEN: wk-token-1, MODE: fast-mode-on }
                """, Interpolator.of(Map.of("MODEL", "gpt-secret-model", "PORT", "8080")));

        SecretValues secrets = SecretValues.in(root);

        String text = "sk-literal-1 gpt-secret-model 8080 200 session=abc123def abc123def sub-key-1 text/plain wk-token-1"
                + " fast-mode-on";
        assertThat(secrets.mask(text)).isEqualTo("*** *** 8080 200 *** *** *** text/plain *** fast-mode-on");
    }

    @Test
    void a_value_from_the_environment_is_masked_whole_so_one_of_its_words_can_still_be_an_answer() {
        ConfigNode root = YamlTree.parse("evalgate.yaml", "vars: { labels: \"${LABELS}\" }\n",
                Interpolator.of(Map.of("LABELS", "billing, technical, account")));

        SecretValues secrets = SecretValues.in(root);

        assertThat(secrets.mask("technical")).isEqualTo("technical");
        assertThat(secrets.mask("labels: billing, technical, account")).isEqualTo("labels: ***");
    }
}
