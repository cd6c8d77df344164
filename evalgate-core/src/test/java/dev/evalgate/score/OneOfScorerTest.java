package dev.evalgate.score;

import org.junit.jupiter.api.Test;

import static dev.evalgate.score.ScorerFixtures.expectingAnyOf;
import static dev.evalgate.score.ScorerFixtures.expectingNothing;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;

class OneOfScorerTest {

    @Test
    void passes_when_the_output_equals_any_expected_answer() {
        Scorer oneOf = scorer("- one-of");

        assertThat(oneOf.score(expectingAnyOf("yes", "y"), " y ").outcome()).isEqualTo(Outcome.PASS);
        assertThat(oneOf.score(expectingAnyOf("yes", "y"), "no").reason())
                .isEqualTo("expected one of \"yes\", \"y\" but got \"no\"");
    }

    @Test
    void uses_the_normalize_option() {
        Scorer oneOf = scorer("- one-of: { normalize: [trim, lowercase, strip_punctuation] }");

        assertThat(oneOf.score(expectingAnyOf("yes", "no"), "Yes.").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void values_option_checks_membership_without_needing_expected_answers() {
        Scorer oneOf = scorer("- one-of: { values: [billing, refund, other], normalize: [trim, lowercase] }");

        assertThat(oneOf.score(expectingNothing(), "Refund").outcome()).isEqualTo(Outcome.PASS);
        assertThat(oneOf.score(expectingNothing(), "sales").reason())
                .isEqualTo("expected one of \"billing\", \"refund\", \"other\" but got \"sales\"");
    }

    @Test
    void errors_when_neither_values_nor_expected_answers_exist() {
        assertThat(scorer("- one-of").score(expectingNothing(), "x").outcome()).isEqualTo(Outcome.ERROR);
    }
}
