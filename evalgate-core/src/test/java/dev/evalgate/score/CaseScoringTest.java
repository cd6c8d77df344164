package dev.evalgate.score;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.evalgate.score.ScorerFixtures.expecting;
import static dev.evalgate.score.ScorerFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseScoringTest {

    private final List<ConfiguredScorer> scorers = parse("suite.yaml", """
            - label
            - contains: { value: [billing, urgent] }
            """);

    @Test
    void passes_when_every_scorer_passes() {
        List<ConfiguredScorer> both = parse("suite.yaml", "- label\n- contains: bill");

        Scored scored = CaseScoring.score(both, expecting("billing"), "billing");

        assertThat(scored.outcome()).isEqualTo(Outcome.PASS);
        assertThat(scored.value()).isEqualTo(1.0);
        assertThat(scored.scores()).extracting(Score::scorer).containsExactly("label", "contains");
    }

    @Test
    void fails_when_any_scorer_fails_and_averages_the_values() {
        Scored scored = CaseScoring.score(scorers, expecting("refund"), "billing");

        assertThat(scored.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scored.value()).isEqualTo((0 + 0.5) / 2);
    }

    @Test
    void errors_when_any_scorer_errors_even_if_others_fail() {
        List<ConfiguredScorer> withJson = parse("suite.yaml", "- label\n- json-fields");

        assertThat(CaseScoring.score(withJson, expecting("refund"), "billing").outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void a_scorer_that_throws_becomes_an_error_score() {
        ConfiguredScorer broken = new ConfiguredScorer("broken", (kase, output) -> {
            throw new IllegalStateException("boom");
        }, false, "broken");

        Scored scored = CaseScoring.score(List.of(broken), expecting("x"), "x");

        assertThat(scored.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(scored.scores().getFirst().reason())
                .isEqualTo("scorer 'broken' failed on case 'c1' (cases.jsonl:3): "
                        + "java.lang.IllegalStateException: boom");
    }

    @Test
    void a_null_output_is_scored_as_empty_text() {
        assertThat(CaseScoring.score(scorers, expecting("billing"), null).scores().getFirst().reason())
                .isEqualTo("expected \"billing\" but got \"\"");
    }

    @Test
    void refuses_an_empty_scorer_list() {
        assertThatThrownBy(() -> CaseScoring.score(List.of(), expecting("x"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
