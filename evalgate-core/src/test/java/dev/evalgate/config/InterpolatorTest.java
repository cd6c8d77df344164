package dev.evalgate.config;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterpolatorTest {

    private final Interpolator env = Interpolator.of(Map.of("KEY", "sk-123", "EMPTY", "", "HOST", "example.test"));

    private Interpolator.Result apply(String raw) {
        return env.apply(raw, "evalgate.yaml", 4, "targets[0].api_key");
    }

    @Test
    void replaces_a_variable_and_marks_the_value_as_from_the_environment() {
        assertThat(apply("Bearer ${KEY}")).isEqualTo(new Interpolator.Result("Bearer sk-123", true));
    }

    @Test
    void replaces_every_variable_in_one_value() {
        assertThat(apply("https://${HOST}/v1?k=${KEY}").value()).isEqualTo("https://example.test/v1?k=sk-123");
    }

    @Test
    void a_value_without_variables_is_returned_as_is_and_not_marked() {
        assertThat(apply("gpt-4o-mini")).isEqualTo(new Interpolator.Result("gpt-4o-mini", false));
        assertThat(apply("costs $5")).isEqualTo(new Interpolator.Result("costs $5", false));
        assertThat(apply(null)).isEqualTo(new Interpolator.Result(null, false));
    }

    @Test
    void the_default_is_used_when_the_variable_is_unset_and_the_value_is_not_marked() {
        assertThat(apply("${MISSING:-gpt-4o}")).isEqualTo(new Interpolator.Result("gpt-4o", false));
        assertThat(apply("${MISSING:-}")).isEqualTo(new Interpolator.Result("", false));
    }

    @Test
    void the_default_is_used_when_the_variable_is_set_but_empty() {
        assertThat(apply("${EMPTY:-fallback}")).isEqualTo(new Interpolator.Result("fallback", false));
    }

    @Test
    void a_set_variable_wins_over_its_default() {
        assertThat(apply("${KEY:-fallback}")).isEqualTo(new Interpolator.Result("sk-123", true));
    }

    @Test
    void an_empty_variable_without_a_default_is_used_as_empty() {
        assertThat(apply("[${EMPTY}]")).isEqualTo(new Interpolator.Result("[]", true));
    }

    @Test
    void an_unclosed_reference_is_a_config_error_naming_the_key_and_the_fix() {
        assertThatThrownBy(() -> apply("${FOO"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:4: key 'targets[0].api_key' has '${FOO' with no closing '}'. Write ${NAME}"
                        + " to use the environment variable NAME, or $${ for a literal ${");
        assertThatThrownBy(() -> apply("Bearer ${KEY} ${HOST")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'${HOST' with no closing '}'");
    }

    @Test
    void a_reference_whose_name_is_not_a_name_is_a_config_error_that_does_not_echo_the_value() {
        assertThatThrownBy(() -> apply("${sk-live-abcdef}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("evalgate.yaml:4: key 'targets[0].api_key' has '${sk...}', which is not an"
                        + " environment reference")
                .hasMessageNotContaining("abcdef");
        assertThatThrownBy(() -> apply("${MY KEY}")).isInstanceOf(ConfigException.class);
    }

    @Test
    void a_doubled_dollar_keeps_the_reference_literal() {
        assertThat(apply("$${KEY} and ${KEY}")).isEqualTo(new Interpolator.Result("${KEY} and sk-123", true));
        assertThat(apply("$${KEY}")).isEqualTo(new Interpolator.Result("${KEY}", false));
    }

    @Test
    void a_missing_variable_names_file_line_key_and_both_fixes() {
        assertThatThrownBy(() -> apply("${OPENAI_API_KEY}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:4: key 'targets[0].api_key' uses ${OPENAI_API_KEY}, but the environment"
                        + " variable OPENAI_API_KEY is not set. Set it (export OPENAI_API_KEY=...), or give a default:"
                        + " ${OPENAI_API_KEY:-value}");
    }

    @Test
    void the_replacement_is_taken_literally_even_with_regex_specials() {
        Interpolator special = Interpolator.of(Map.of("PW", "a$1\\b"));

        assertThat(special.apply("${PW}", "f", 1, "p").value()).isEqualTo("a$1\\b");
    }
}
