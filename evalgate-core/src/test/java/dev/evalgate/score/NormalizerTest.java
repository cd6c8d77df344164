package dev.evalgate.score;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import static dev.evalgate.score.Normalizer.Step.COLLAPSE_WHITESPACE;
import static dev.evalgate.score.Normalizer.Step.LOWERCASE;
import static dev.evalgate.score.Normalizer.Step.STRIP_PUNCTUATION;
import static dev.evalgate.score.Normalizer.Step.TRIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NormalizerTest {

    @Test
    void trim_removes_surrounding_unicode_whitespace_only() {
        assertThat(Normalizer.of(TRIM).apply("\u2003 Billing Dept\n")).isEqualTo("Billing Dept");
    }

    @Test
    void lowercase_ignores_the_default_locale() {
        assertThat(Normalizer.of(LOWERCASE).apply("TITLE")).isEqualTo("title");
    }

    @Test
    void collapse_whitespace_folds_runs_of_any_whitespace_into_one_space() {
        assertThat(Normalizer.of(COLLAPSE_WHITESPACE).apply("a \t\n b  c")).isEqualTo("a b c");
    }

    @Test
    void strip_punctuation_keeps_letters_digits_symbols_and_spaces() {
        assertThat(Normalizer.of(STRIP_PUNCTUATION).apply("«Billing!» (dept.) $5 – ok?"))
                .isEqualTo("Billing dept $5  ok");
    }

    @Test
    void steps_run_in_a_fixed_order_whatever_order_they_are_listed_in() {
        Normalizer all = Normalizer.of(LOWERCASE, TRIM, STRIP_PUNCTUATION, COLLAPSE_WHITESPACE);

        assertThat(all.apply("  Hello,   World!  ")).isEqualTo("hello world");
        assertThat(all.steps()).containsExactly(STRIP_PUNCTUATION, COLLAPSE_WHITESPACE, TRIM, LOWERCASE);
    }

    @Test
    void an_unknown_step_suggests_the_nearest_name() {
        assertThatThrownBy(() -> ScorerFixtures.parse("suite.yaml", "- equals: { normalize: [trim, lowercse] }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'scorers[0].equals.normalize[1]' names normalization 'lowercse'")
                .hasMessageContaining("Did you mean 'lowercase'?")
                .hasMessageContaining("Known: strip_punctuation, collapse_whitespace, trim, lowercase.");
    }
}
