package dev.evalgate.baselines;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.files.AtomicFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Trained models kept on disk beside the suite, so a second run does not train again.
 *
 * <p>A model lives in {@code .evalgate/models/<kind>-<key>.bin}, where the key is the first 16 hex digits of
 * SHA-256 over the training set's hash and the kind's settings: change the data, the {@code text} template or
 * any setting and the key changes. Files hold Java serialization; one that cannot be read (corrupt, or written
 * by another version) is trained again, with a note on stderr.
 */
public final class ModelCache {

    /** The folder under the suite folder where models are kept unless {@code model_cache} says otherwise. */
    public static final String DEFAULT_FOLDER = ".evalgate/models";

    private ModelCache() {
    }

    /** Loads or trains a model, caching under {@code baseDir/.evalgate/models}. */
    public static <M extends Serializable> Trained<M> load(String kind, TrainingSet set, String settings,
                                                           Path baseDir, Supplier<M> train) {
        return loadFrom(baseDir.resolve(DEFAULT_FOLDER), kind, set, settings, train);
    }

    /** Like {@link #load(String, TrainingSet, String, Path, Supplier)}, honouring the option {@code model_cache}. */
    public static <M extends Serializable> Trained<M> load(String kind, TrainingSet set, String settings,
                                                           Options options, Path baseDir, Supplier<M> train) {
        return loadFrom(folder(options, baseDir), kind, set, settings, train);
    }

    /** The cache folder: option {@code model_cache} (relative to the suite folder), else the default. */
    public static Path folder(Options options, Path baseDir) {
        Optional<ConfigNode.Scalar> custom = options.scalar("model_cache");
        return baseDir.resolve(custom.map(ConfigNode.Scalar::value).orElse(DEFAULT_FOLDER)).normalize();
    }

    /** The cache file for one kind, training set and settings. */
    public static Path file(Path folder, String kind, TrainingSet set, String settings) {
        String safeKind = kind.replaceAll("[^A-Za-z0-9_.-]", "-");
        return folder.resolve(safeKind + "-" + sha256(set.sha256() + "\n" + settings).substring(0, 16) + ".bin");
    }

    private static <M extends Serializable> Trained<M> loadFrom(Path folder, String kind, TrainingSet set,
                                                                String settings, Supplier<M> train) {
        Path file = file(folder, kind, set, settings);
        if (Files.isRegularFile(file)) {
            long start = System.nanoTime();
            try {
                byte[] bytes = Files.readAllBytes(file);
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                    @SuppressWarnings("unchecked")
                    M model = (M) in.readObject();
                    return new Trained<>(model, true, Duration.ofNanos(System.nanoTime() - start), bytes.length);
                }
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                System.err.println("note: cached model " + file + " cannot be read (" + e
                        + "); training again");
            }
        }
        long start = System.nanoTime();
        M model = train.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        byte[] bytes = serialize(model);
        store(file, bytes);
        return new Trained<>(model, false, took, bytes.length);
    }

    private static byte[] serialize(Serializable model) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + model.getClass().getName(), e);
        }
        return buffer.toByteArray();
    }

    /** Writes through a temporary file so a reader never sees half a model; a failure only costs the cache. */
    private static void store(Path file, byte[] bytes) {
        try {
            try (AtomicFile temp = AtomicFile.open(file)) {
                temp.stream().write(bytes);
                temp.commit();
            }
        } catch (IOException e) {
            System.err.println("note: cannot cache the model in " + file + " (" + e + "); it will be trained again");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
