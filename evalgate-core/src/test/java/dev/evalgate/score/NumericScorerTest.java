package dev.evalgate.score;

import org.junit.jupiter.api.Test;

import static dev.evalgate.score.ScorerFixtures.expecting;
import static dev.evalgate.score.ScorerFixtures.expectingJson;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;

class NumericScorerTest {

    @Test
    void reads_the_first_number_in_free_text() {
        assertThat(NumericScorer.firstNumber("The total is $1,234.50 (incl. 2 fees)")).isEqualTo(1234.5);
        assertThat(NumericScorer.firstNumber("answer: -4")).isEqualTo(-4.0);
        assertThat(NumericScorer.firstNumber("COVID-19 cases")).isEqualTo(19.0);
        assertThat(NumericScorer.firstNumber("about .5 or so")).isEqualTo(0.5);
        assertThat(NumericScorer.firstNumber("2.5e3 units")).isEqualTo(2500.0);
        assertThat(NumericScorer.firstNumber("1,2 and 3")).isEqualTo(1.0);
        assertThat(NumericScorer.firstNumber("1,2345")).isEqualTo(1.0);
        assertThat(NumericScorer.firstNumber("no digits here")).isNull();
    }

    @Test
    void passes_on_the_same_number_written_differently() {
        Scorer numeric = scorer("- numeric");

        assertThat(numeric.score(expecting("42"), "The answer is 42.0").outcome()).isEqualTo(Outcome.PASS);
        assertThat(numeric.score(expectingJson("1234.5"), "1,234.50").outcome()).isEqualTo(Outcome.PASS);
        assertThat(numeric.score(expecting("42"), "42.001").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void absolute_tolerance_widens_the_match() {
        Scorer numeric = scorer("- numeric: { abs_tol: 0.5 }");

        assertThat(numeric.score(expecting("42"), "41.6").outcome()).isEqualTo(Outcome.PASS);
        assertThat(numeric.score(expecting("42"), "41.4"))
                .isEqualTo(Score.fail("numeric", "expected 42 (± 0.5) but got 41.4"));
    }

    @Test
    void relative_tolerance_scales_with_the_numbers() {
        Scorer numeric = scorer("- numeric: { rel_tol: 0.01 }");

        assertThat(numeric.score(expecting("1000"), "1009").outcome()).isEqualTo(Outcome.PASS);
        assertThat(numeric.score(expecting("1000"), "1011").reason()).isEqualTo("expected 1000 (± 1%) but got 1011");
    }

    @Test
    void fails_when_the_output_has_no_number() {
        Score score = scorer("- numeric").score(expecting("42"), "I don't know");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.reason()).startsWith("no number in output");
    }

    @Test
    void errors_when_the_case_expects_something_that_is_not_a_number() {
        Score score = scorer("- numeric").score(expecting("about 42"), "42");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).isEqualTo("case 'c1' (cases.jsonl:3) expects \"about 42\", which is not a number; "
                + "numeric needs a number such as 42 or 3.5 as the expected answer.");
    }

    @Test
    void a_negative_expected_number_is_a_whole_number() {
        assertThat(scorer("- numeric").score(expecting(" -3.5 "), "it is -3.5").outcome()).isEqualTo(Outcome.PASS);
    }
}
