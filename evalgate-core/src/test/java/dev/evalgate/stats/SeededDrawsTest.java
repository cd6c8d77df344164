package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The §8 RNG spec, checked against eval-statistics §11 V7. */
class SeededDrawsTest {

    @Test
    void seed_42_draws_the_reference_indices() {
        SeededDraws draws = new SeededDraws(42);

        assertThat(draws.index(200)).isEqualTo(13);
        assertThat(draws.index(200)).isEqualTo(91);
        assertThat(draws.index(200)).isEqualTo(58);
    }

    @Test
    void coin_is_the_top_bit_of_the_stream() {
        // Seed 0 draws 0xe220..., 0x6e78..., 0x06c4...: top bits 1, 0, 0.
        SeededDraws draws = new SeededDraws(0);

        assertThat(draws.coin()).isTrue();
        assertThat(draws.coin()).isFalse();
        assertThat(draws.coin()).isFalse();
    }

    @Test
    void rejects_an_empty_range() {
        assertThatThrownBy(() -> new SeededDraws(1).index(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n >= 1");
    }
}
