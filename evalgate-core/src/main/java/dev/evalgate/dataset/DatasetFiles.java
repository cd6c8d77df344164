package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point for dataset files: picks the reader for a file by its extension.
 *
 * <p>{@code .jsonl}/{@code .ndjson} hold one JSON object per line, {@code .csv} a header row and one case per row,
 * {@code .yaml}/{@code .yml} a list of cases (or a mapping whose one key {@code cases:} holds that list). Files
 * are UTF-8, with or without a byte order mark. Every format is streamed, one case in memory at a time.
 *
 * <p>A record has {@code input} (a text, or a mapping of template variables) and optionally {@code id},
 * {@code expected}, {@code tags}, {@code metadata} and {@code cluster}; any other field or CSV column is a
 * template variable; {@link #open(Path, FieldNames)} reads input, expected and id from other fields. Without an
 * id, the id is the first 12 hex digits of the SHA-256 of the input and expected answer as sorted compact JSON, so
 * it survives re-ordering the file. Duplicate ids are an error naming both
 * lines. The exact rules are on the package-private {@code CaseMapper}, {@code CaseIds} and {@code IdCheck}.
 *
 * <p>Problems are {@link ConfigException}s that name {@code file:line}, the rule and the fix: a missing file or
 * unknown extension here, everything about the content while the cases are read (a file with no cases too).
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /** A dataset over {@code file}, re-read from the start on each {@link Dataset#open()}. */
    public static Dataset open(Path file) {
        return open(file, FieldNames.DEFAULT);
    }

    /**
     * A dataset over {@code file} whose input, expected answer and id are read from the fields {@code names}
     * gives, e.g. the columns {@code text} and {@code category} of a CSV file.
     */
    public static Dataset open(Path file, FieldNames names) {
        return open(file, names, List.of());
    }

    /**
     * A dataset over {@code file} in which every case must have an expected answer, because the scorers with the
     * ids {@code needExpected} compare against it: a CSV header without the column, or a case without an answer, is
     * an error naming the file, the line, the scorers and how to map the field. An empty list checks nothing.
     */
    public static Dataset open(Path file, FieldNames names, List<String> needExpected) {
        DatasetFormat format = DatasetFormat.of(file);
        if (Files.isDirectory(file)) {
            throw ConfigException.at(file.toString(), 0, "is a directory, not a dataset file. "
                    + "Point 'dataset:' at a .jsonl, .csv or .yaml file.");
        }
        if (!Files.isRegularFile(file)) {
            throw ConfigException.at(file.toString(), 0, "file not found. Check the 'dataset:' path.");
        }
        return new FileDataset(file, format, names, List.copyOf(needExpected));
    }
}
