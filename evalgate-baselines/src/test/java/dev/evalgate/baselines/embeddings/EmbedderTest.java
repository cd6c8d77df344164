package dev.evalgate.baselines.embeddings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmbedderTest {

    private final Embedder embedder = Embedder.shared();

    @Test
    void vectors_have_384_dimensions_and_unit_length() {
        float[] vector = embedder.embed("Where is my parcel?");

        assertThat(vector).hasSize(Embedder.DIMENSIONS);
        assertThat(Embedder.cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void batch_embedding_matches_one_at_a_time_and_keeps_order() {
        List<String> texts = List.of("reset my password", "the app crashes on start", "");
        float[][] batch = embedder.embedAll(texts);

        assertThat(batch).hasNumberOfRows(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Embedder.cosine(batch[i], embedder.embed(texts.get(i)))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void the_same_instance_is_shared() {
        assertThat(Embedder.shared()).isSameAs(embedder);
    }
}
