package dev.evalgate.baselines.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sentence encoder shared by the embeddings target and the similarity scorer: all-MiniLM-L6-v2, run
 * in-process through ONNX Runtime, turning a text into a unit-length vector of {@value #DIMENSIONS} numbers.
 *
 * <p>One instance per JVM, created on first use, because loading the 90 MB model takes about a second and its
 * session is thread-safe. Batches run on at most {@value #THREADS} daemon threads so an evaluation run that also
 * calls other targets keeps CPU for them.
 */
public final class Embedder {

    /** The length of every vector this embedder returns. */
    public static final int DIMENSIONS = 384;

    /** Identifies the model in cache keys, so a different encoder never reuses cached vectors. */
    public static final String MODEL_ID = "all-MiniLM-L6-v2";

    private static final int THREADS = 2;

    private static volatile Embedder shared;

    private final AbstractInProcessEmbeddingModel model;

    private Embedder(AbstractInProcessEmbeddingModel model) {
        this.model = model;
    }

    /** The JVM-wide embedder, loading the model on the first call. */
    public static Embedder shared() {
        Embedder instance = shared;
        if (instance == null) {
            synchronized (Embedder.class) {
                instance = shared;
                if (instance == null) {
                    instance = new Embedder(new MiniLmModel(boundedExecutor()));
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /** The text as a unit-length vector; an empty text gives the vector of the empty sentence. */
    public float[] embed(String text) {
        return normalized(model.embed(blankSafe(text)).content());
    }

    /** Every text as a unit-length vector, in order; spreads the work over the embedder's threads. */
    public float[][] embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(blankSafe(text)));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        float[][] out = new float[embeddings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalized(embeddings.get(i));
        }
        return out;
    }

    /** Cosine similarity of two unit-length vectors: their dot product, in [-1, 1]. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.max(-1, Math.min(1, dot));
    }

    /** LangChain4j rejects blank text; a lone period embeds close to "nothing said". */
    private static String blankSafe(String text) {
        return text == null || text.isBlank() ? "." : text;
    }

    private static float[] normalized(Embedding embedding) {
        float[] vector = embedding.vector().clone();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    private static ExecutorService boundedExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "evalgate-embedder-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
