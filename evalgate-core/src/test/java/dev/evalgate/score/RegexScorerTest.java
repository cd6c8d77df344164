package dev.evalgate.score;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import static dev.evalgate.score.ScorerFixtures.expectingNothing;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexScorerTest {

    @Test
    void passes_when_the_pattern_is_found_anywhere() {
        Score score = scorer("- regex: 'TICKET-\\d+'").score(expectingNothing(), "see TICKET-1234 please");

        assertThat(score).isEqualTo(Score.pass("regex", "matched \"TICKET-1234\""));
    }

    @Test
    void fails_naming_the_pattern_and_the_output() {
        Score score = scorer("- regex: { pattern: '^\\d+$' }").score(expectingNothing(), "12a");

        assertThat(score).isEqualTo(Score.fail("regex", "no match for /^\\d+$/ in \"12a\""));
    }

    @Test
    void ignore_case_is_an_option() {
        assertThat(scorer("- regex: { value: '^yes', ignore_case: true }").score(expectingNothing(), "YES").outcome())
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void a_bad_pattern_is_a_config_error_naming_the_key_and_the_problem() {
        assertThatThrownBy(() -> scorer("- regex: '[a-z'"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("suite.yaml:2: key 'scorers[0].regex' is not a valid regular expression: "
                        + "Unclosed character class near index 3");
    }

    @Test
    void a_missing_pattern_is_a_config_error() {
        assertThatThrownBy(() -> scorer("- regex"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'scorers[0].regex.value' is required");
    }

    @Test
    void value_and_pattern_together_are_refused() {
        assertThatThrownBy(() -> scorer("- regex: { value: a, pattern: b }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("keep one of them");
    }
}
