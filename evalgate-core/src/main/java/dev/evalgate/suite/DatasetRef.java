package dev.evalgate.suite;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.DatasetFiles;
import dev.evalgate.dataset.FieldNames;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dataset file named in a config file, with the fields its input, expected answer and id are read from.
 *
 * <p>Written either as a path ({@code dataset: data/cases.jsonl}) or as a mapping that also names the fields,
 * for files whose columns are not called {@code input} and {@code expected}:
 * {@code dataset: { path: test.csv, input: text, expected: category }} (optionally {@code id:}). Keys of the
 * suite ({@code dataset:}) and of baseline targets ({@code train:}) read the same two forms.
 *
 * @param file    the file, resolved against the config file's folder; it exists
 * @param names   the fields read as input, expected and id
 * @param written the path as written, for messages
 * @param node    the node the path was written in, for messages
 */
public record DatasetRef(Path file, FieldNames names, String written, ConfigNode.Scalar node) {

    /** The dataset this names, re-read on each pass. */
    public Dataset open() {
        return DatasetFiles.open(file, names);
    }

    /**
     * The dataset this names, in which every case must have an expected answer because the scorers
     * {@code needExpected} compare against it (see {@link DatasetFiles#open(Path, FieldNames, java.util.List)}).
     */
    public Dataset open(java.util.List<String> needExpected) {
        return DatasetFiles.open(file, names, needExpected);
    }

    /**
     * Reads {@code node} as a path or a mapping with {@code path} and optional {@code input}, {@code expected}
     * and {@code id}; the path is resolved against {@code baseDir} and must name an existing file.
     *
     * @param fix what to do when the file does not exist, appended to the message naming the resolved path
     * @throws dev.evalgate.error.ConfigException naming the key for a missing file, an unknown key, a value that
     *                                            is neither, or field names that clash
     */
    public static DatasetRef read(ConfigNode node, Path baseDir, String fix) {
        ConfigNode.Scalar path;
        FieldNames names = FieldNames.DEFAULT;
        if (node instanceof ConfigNode.Mapping) {
            Options options = Options.of(node);
            path = options.scalar("path").filter(s -> !s.value().isBlank()).orElseThrow(() -> node.error(
                    "needs 'path:', the dataset file, e.g. { path: data.csv, input: text, expected: category }"));
            names = names(options, names);
            options.done();
        } else if (node instanceof ConfigNode.Scalar s && !s.isNull() && !s.value().isBlank()) {
            path = s;
        } else {
            throw node.error("must be the path of a dataset file, e.g. 'data/cases.jsonl', or a mapping that also "
                    + "names its columns, e.g. { path: data.csv, input: text, expected: category }");
        }
        Path file = baseDir.resolve(path.value()).normalize();
        if (!Files.isRegularFile(file)) {
            throw path.error("names '" + path.value() + "', but " + file + " does not exist. " + fix);
        }
        return new DatasetRef(file, names, path.value(), path);
    }

    /**
     * The field names a {@code dataset:} or {@code train:} node gives, without reading its file: the standard
     * names for the path form, else those of its {@code input}, {@code expected} and {@code id} keys.
     */
    public static FieldNames names(ConfigNode node) {
        if (!(node instanceof ConfigNode.Mapping)) {
            return FieldNames.DEFAULT;
        }
        Options options = Options.of(node);
        FieldNames names = names(options, FieldNames.DEFAULT);
        options.allow("path");
        options.done();
        return names;
    }

    private static FieldNames names(Options options, FieldNames names) {
        FieldNames out = names;
        try {
            out = field(options, "input").map(out::withInput).orElse(out);
            out = field(options, "expected").map(out::withExpected).orElse(out);
            return field(options, "id").map(out::withId).orElse(out);
        } catch (IllegalArgumentException e) {
            throw options.node().error("names its fields wrongly: " + e.getMessage() + ". Name the columns that "
                    + "hold the input, the expected answer and the id, each a different one.");
        }
    }

    private static java.util.Optional<String> field(Options options, String key) {
        return options.scalar(key).map(s -> {
            if (s.value().isBlank()) {
                throw s.error("is empty. Name the column (or key) that holds the " + key + ", or leave it out.");
            }
            return s.value().strip();
        });
    }
}
