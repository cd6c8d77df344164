package dev.evalgate.baselines;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.FieldNames;
import dev.evalgate.error.ConfigException;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.suite.DatasetRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The labelled texts a baseline learns from, read from the dataset file named by the target option {@code train}.
 *
 * @param texts  one text per case, see {@link TextSource}
 * @param labels the expected label of each case ({@code Expected.primary()}), parallel to {@code texts}
 * @param sha256 hex SHA-256 over the file's bytes, the {@code text} option and the field names read; a model
 *               trained on the same file, text and fields is the same model
 * @param file   the training file, resolved against the suite folder
 */
public record TrainingSet(List<String> texts, List<String> labels, String sha256, Path file) {

    public TrainingSet {
        texts = List.copyOf(texts);
        labels = List.copyOf(labels);
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + labels.size() + " labels");
        }
    }

    /**
     * Reads option {@code train} (required: a .jsonl, .csv or .yaml dataset relative to {@code baseDir}, written
     * as a path or as {@code { path: train.csv, input: text, expected: category }}, see {@link DatasetRef}) and
     * the optional {@code text} template.
     *
     * @throws ConfigException for a missing file, a case without an expected label, or fewer than two labels
     */
    public static TrainingSet load(Options options, Path baseDir) {
        ConfigNode node = options.node("train").orElseThrow(() -> missing(options));
        DatasetRef train = DatasetRef.read(node, baseDir, "Point 'train:' at a .jsonl, .csv or .yaml file of "
                + "labelled cases, relative to the suite folder.");
        TextSource text = TextSource.read(options);
        Path file = train.file();
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (CaseReader reader = train.open().open()) {
            while (reader.hasNext()) {
                Case kase = reader.next();
                String label = kase.expected().primary().trim();
                if (label.isEmpty()) {
                    throw ConfigException.at(kase.source(), 0, "training case '" + kase.id() + "' has no expected "
                            + "label. Every case in a 'train:' file needs one, e.g. \"" + train.names().expected()
                            + "\": \"billing\".");
                }
                texts.add(textOf(text, kase));
                labels.add(label);
            }
        }
        TreeSet<String> distinct = new TreeSet<>(labels);
        if (distinct.size() < 2) {
            throw train.node().error("names '" + train.written() + "', which holds " + labels.size() + " cases but "
                    + (distinct.isEmpty() ? "no labels" : "only the label '" + distinct.first() + "'")
                    + ". A classifier needs cases of at least two labels to learn from.");
        }
        return new TrainingSet(texts, labels, sha256(file, text.source(), train.names()), file);
    }

    /** The number of training cases. */
    public int size() {
        return texts.size();
    }

    /** The distinct labels, sorted. */
    public List<String> distinctLabels() {
        return List.copyOf(new TreeSet<>(labels));
    }

    private static String textOf(TextSource text, Case kase) {
        try {
            return text.of(kase);
        } catch (PromptTemplate.PromptException e) {
            throw ConfigException.at(kase.source(), 0, "the 'text' template cannot be filled for training case '"
                    + kase.id() + "': " + e.getMessage());
        }
    }

    private static ConfigException missing(Options options) {
        ConfigNode.Mapping node = options.node();
        String path = node.path().isEmpty() ? "train" : node.path() + ".train";
        return ConfigException.at(node.file(), node.line(), "key '" + path + "' is required: the labelled cases to "
                + "learn from, e.g. train: data/train.jsonl (relative to the suite folder).");
    }

    private static String sha256(Path file, String textOption, FieldNames names) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            digest.update((byte) 0);
            digest.update(textOption.getBytes(StandardCharsets.UTF_8));
            if (!names.equals(FieldNames.DEFAULT)) {
                // Other columns are other training data; the standard names keep the hashes of existing caches.
                String fields = "\0" + names.input() + "\0" + names.expected() + "\0" + names.id();
                digest.update(fields.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
