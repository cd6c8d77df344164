package dev.evalgate.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestTest {

    @Test
    void distance_counts_insertions_deletions_and_substitutions() {
        assertThat(Suggest.distance("concurrency", "concurrency")).isZero();
        assertThat(Suggest.distance("concurency", "concurrency")).isEqualTo(1);
        assertThat(Suggest.distance("timeouts", "timeout")).isEqualTo(1);
        assertThat(Suggest.distance("modle", "model")).isEqualTo(1);
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void an_adjacent_transposition_counts_as_one_edit() {
        assertThat(Suggest.distance("retires", "retries")).isEqualTo(1);
        assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
    }

    @Test
    void nearest_picks_the_closest_candidate_ignoring_case() {
        assertThat(Suggest.nearest("Concurency", List.of("timeout", "concurrency", "retries")))
                .isEqualTo("concurrency");
        assertThat(Suggest.nearest("retires", List.of("repeat", "retries"))).isEqualTo("retries");
    }

    @Test
    void nearest_suggests_nothing_when_no_candidate_is_a_plausible_typo() {
        assertThat(Suggest.nearest("xyz", List.of("concurrency", "timeout"))).isNull();
        assertThat(Suggest.nearest("anything", List.of())).isNull();
    }
}
