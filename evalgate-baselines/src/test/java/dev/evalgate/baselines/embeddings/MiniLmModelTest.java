package dev.evalgate.baselines.embeddings;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MiniLmModelTest {

    private static final long MODEL_BYTES = 90_387_606L;

    @Test
    void loading_the_model_allocates_about_one_copy_of_it_on_the_heap() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        new MiniLmModel(Runnable::run);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated while loading, vs the model's %d", MODEL_BYTES)
                .isLessThan(MODEL_BYTES * 3 / 2);
    }

    @Test
    void it_embeds_exactly_like_langchain4js_own_all_minilm_model() {
        MiniLmModel ours = new MiniLmModel(Runnable::run);
        AllMiniLmL6V2EmbeddingModel theirs = new AllMiniLmL6V2EmbeddingModel(Runnable::run);

        for (String text : List.of("Where is my parcel?", "reset my password", "the app crashes on start")) {
            float[] a = ours.embed(TextSegment.from(text)).content().vector();
            float[] b = theirs.embed(TextSegment.from(text)).content().vector();
            assertThat(a).hasSize(Embedder.DIMENSIONS).containsExactly(b, within(1e-6f));
        }
        assertThat(ours.dimension()).isEqualTo(Embedder.DIMENSIONS);
    }
}
