package dev.evalgate.baselines.similarity;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityScorerTest {

    private static final Case REFUND = Case.of("c1", "q", Expected.text("refund my order"));

    @Test
    void a_paraphrase_scores_higher_than_an_unrelated_sentence() {
        SimilarityScorer scorer = new SimilarityScorer(0.5);

        Score paraphrase = scorer.score(REFUND, "I want my money back for the order");
        Score unrelated = scorer.score(REFUND, "The weather in Lisbon is sunny today");

        assertThat(paraphrase.value()).isGreaterThan(unrelated.value() + 0.3);
        assertThat(paraphrase.outcome()).isEqualTo(Outcome.PASS);
        assertThat(unrelated.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void passes_exactly_when_the_cosine_reaches_the_threshold() {
        double cosine = new SimilarityScorer(0).score(REFUND, "I want my money back for the order").value();

        assertThat(new SimilarityScorer(cosine).score(REFUND, "I want my money back for the order").outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(new SimilarityScorer(Math.min(1, cosine + 0.01))
                .score(REFUND, "I want my money back for the order").outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void the_reason_names_the_cosine_the_nearest_answer_and_the_threshold() {
        Case kase = Case.of("c2", "q", Expected.anyOf(List.of("the sky is blue", "refund my order")));

        Score score = new SimilarityScorer(0.99).score(kase, "please refund my order");

        assertThat(score.reason()).matches("cosine 0\\.\\d\\d to \"refund my order\" is below 0\\.99");
    }

    @Test
    void identical_text_passes_the_default_threshold() {
        Score score = new SimilarityScorer(0.8).score(REFUND, "refund my order");

        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
        assertThat(score.reason()).startsWith("cosine 1.00 to \"refund my order\" is at least 0.80");
    }

    @Test
    void a_case_without_expected_answer_is_an_error_not_a_failure() {
        Score score = new SimilarityScorer(0.8).score(Case.of("c3", "q", Expected.none()), "anything");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).contains("case 'c3' has no expected answer");
    }
}
