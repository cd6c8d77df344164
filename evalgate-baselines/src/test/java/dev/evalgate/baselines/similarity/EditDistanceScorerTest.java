package dev.evalgate.baselines.similarity;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.score.Normalizer;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceScorerTest {

    private static final EditDistanceScorer DEFAULTS =
            new EditDistanceScorer(Normalizer.of(Normalizer.Step.TRIM, Normalizer.Step.LOWERCASE), 0.8);

    private static Score score(String expected, String output) {
        return DEFAULTS.score(Case.of("c", "q", Expected.text(expected)), output);
    }

    @Test
    void levenshtein_counts_insertions_deletions_and_substitutions() {
        assertThat(Levenshtein.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Levenshtein.distance("flaw", "lawn")).isEqualTo(2);
        assertThat(Levenshtein.distance("", "abc")).isEqualTo(3);
        assertThat(Levenshtein.distance("same", "same")).isZero();
    }

    @Test
    void the_value_is_one_minus_distance_over_the_longer_length() {
        assertThat(score("sitting", "kitten").value()).isEqualTo(1 - 3.0 / 7);
        assertThat(score("billing", "billing!").value()).isEqualTo(1 - 1.0 / 8);
        assertThat(score("abc", "xyz").value()).isEqualTo(0.0);
        assertThat(EditDistanceScorer.similarity("", "")).isEqualTo(1.0);
    }

    @Test
    void trims_and_lowercases_by_default() {
        Score score = score("Refund", "  refund\n");

        assertThat(score.value()).isEqualTo(1.0);
        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void fails_below_the_threshold_and_says_by_how_much() {
        Score score = score("shipping", "shopping cart");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.reason()).isEqualTo("similarity 0.54 to \"shipping\" is below 0.80");
    }

    @Test
    void takes_the_nearest_of_several_answers() {
        Score score = DEFAULTS.score(Case.of("c", "q", Expected.anyOf(List.of("refund", "returns"))), "return");

        assertThat(score.value()).isEqualTo(1 - 1.0 / 7);
        assertThat(score.reason()).contains("\"returns\"");
    }

    @Test
    void counts_characters_outside_the_basic_plane_once() {
        assertThat(Levenshtein.distance("a😀b", "ab")).isEqualTo(1);
    }

    @Test
    void max_distance_passes_within_that_many_edits_whatever_the_length() {
        EditDistanceScorer budget = new EditDistanceScorer(Normalizer.of(), 0.8, 3);
        Score within = budget.score(Case.of("c", "q", Expected.text("sitting")), "kitten");
        assertThat(within.outcome()).isEqualTo(Outcome.PASS);
        assertThat(within.reason()).isEqualTo("edit distance 3 to \"sitting\" is at most 3");
        assertThat(budget.score(Case.of("c", "q", Expected.text("sittings")), "kitten").outcome())
                .isEqualTo(Outcome.FAIL);
    }
}
