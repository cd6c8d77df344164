package dev.evalgate.score;

import org.junit.jupiter.api.Test;

import static dev.evalgate.score.ScorerFixtures.expecting;
import static dev.evalgate.score.ScorerFixtures.expectingAnyOf;
import static dev.evalgate.score.ScorerFixtures.expectingNothing;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;

class EqualsScorerTest {

    @Test
    void trims_by_default_but_keeps_case() {
        Scorer equals = scorer("- equals");

        assertThat(equals.score(expecting("billing"), "  billing\n").outcome()).isEqualTo(Outcome.PASS);
        assertThat(equals.score(expecting("billing"), "Billing").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void normalize_option_replaces_the_default() {
        Scorer equals = scorer("- equals: { normalize: [trim, lowercase] }");

        assertThat(equals.score(expecting("billing"), " Billing ").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void fails_with_expected_and_actual_in_the_reason() {
        Score score = scorer("- equals").score(expecting("billing"), "refund");

        assertThat(score).isEqualTo(Score.fail("equals", "expected \"billing\" but got \"refund\""));
    }

    @Test
    void passes_on_any_accepted_answer() {
        Scorer equals = scorer("- equals");

        assertThat(equals.score(expectingAnyOf("billing", "payments"), "payments").outcome()).isEqualTo(Outcome.PASS);
        assertThat(equals.score(expectingAnyOf("billing", "payments"), "refund").reason())
                .isEqualTo("expected one of \"billing\", \"payments\" but got \"refund\"");
    }

    @Test
    void errors_naming_the_case_when_it_expects_nothing() {
        Score score = scorer("- equals").score(expectingNothing(), "refund");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).startsWith("case 'c1' (cases.jsonl:3) has no expected answer");
    }

    @Test
    void long_multi_line_outputs_are_shown_on_one_line_and_cut() {
        String reason = scorer("- equals").score(expecting("a"), "line one\nline \"two\"" + "x".repeat(300)).reason();

        assertThat(reason).startsWith("expected \"a\" but got \"line one\\nline \\\"two\\\"xxx").endsWith("x…\"");
        assertThat(reason.length()).isLessThan(160);
    }

    @Test
    void label_compares_trimmed_and_lowercased_and_is_classification() {
        ConfiguredScorer label = ScorerFixtures.parse("suite.yaml", "- label").getFirst();

        assertThat(label.classification()).isTrue();
        assertThat(label.scorer().score(expecting("billing"), " BILLING ").outcome()).isEqualTo(Outcome.PASS);
        assertThat(label.scorer().score(expecting("billing"), "refund"))
                .isEqualTo(Score.fail("label", "expected \"billing\" but got \"refund\""));
    }
}
