package dev.evalgate.score;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import static dev.evalgate.score.ScorerFixtures.expecting;
import static dev.evalgate.score.ScorerFixtures.expectingAnyOf;
import static dev.evalgate.score.ScorerFixtures.expectingNothing;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainsScorerTest {

    @Test
    void passes_when_the_value_appears() {
        Scorer contains = scorer("- contains: { value: refund }");

        assertThat(contains.score(expectingNothing(), "we will refund you")).isEqualTo(
                Score.pass("contains", "contains \"refund\""));
        assertThat(contains.score(expectingNothing(), "no money back").reason())
                .isEqualTo("missing \"refund\" in \"no money back\"");
    }

    @Test
    void is_case_sensitive_unless_told_otherwise() {
        assertThat(scorer("- contains: refund").score(expectingNothing(), "REFUND").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scorer("- contains: { value: refund, ignore_case: true }").score(expectingNothing(), "REFUND")
                .outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_value_list_needs_every_value_and_gives_partial_credit() {
        Score score = scorer("- contains: [refund, policy, days]").score(expectingNothing(), "refund within 30 days");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.value()).isEqualTo(2.0 / 3);
        assertThat(score.reason()).isEqualTo("missing \"policy\" in \"refund within 30 days\"");
    }

    @Test
    void match_any_passes_on_one_value() {
        Score score = scorer("- contains: { value: [refund, credit], match: any }").score(expectingNothing(), "credit");

        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void defaults_to_any_of_the_expected_answers() {
        Scorer contains = scorer("- contains");

        assertThat(contains.score(expectingAnyOf("billing", "payments"), "route to payments").outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(contains.score(expectingAnyOf("billing", "payments"), "route to sales").reason())
                .isEqualTo("none of \"billing\" or \"payments\" found in \"route to sales\"");
        assertThat(contains.score(expectingNothing(), "x").outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void not_contains_fails_when_any_value_appears() {
        Scorer notContains = scorer("- not-contains: { value: [sorry, apologize], ignore_case: true }");

        assertThat(notContains.score(expectingNothing(), "Here is your answer").reason())
                .isEqualTo("does not contain \"sorry\" or \"apologize\"");
        assertThat(notContains.score(expectingNothing(), "Sorry, I can't").reason())
                .isEqualTo("found \"sorry\" in \"Sorry, I can't\"");
    }

    @Test
    void not_contains_defaults_to_the_expected_answer() {
        assertThat(scorer("- not-contains").score(expecting("secret"), "the secret is 42").outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void not_contains_has_no_match_option() {
        assertThatThrownBy(() -> scorer("- not-contains: { value: x, match: all }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'scorers[0].not-contains.match'");
    }

    @Test
    void an_empty_value_is_refused() {
        assertThatThrownBy(() -> scorer("- contains: \"\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds an empty text");
    }
}
