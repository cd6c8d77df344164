package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point for dataset files: picks the reader for a file by its extension.
 *
 * <p>{@code .jsonl}/{@code .ndjson} hold one JSON object per line, {@code .csv} a header row and one case per row,
 * {@code .yaml}/{@code .yml} a list of cases (or a mapping whose one key {@code cases:} holds that list). Every
 * format is read as a stream, one case in memory at a time. How a record becomes a {@link Case} (fields, types,
 * tags, derived ids) is the same for every format and is described on {@link CaseMapper}; duplicate ids are
 * reported as described on {@link IdCheck}.
 *
 * <p>Problems are {@link ConfigException}s that name {@code file:line}: a missing file here, everything about
 * the content while the cases are read.
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /** A dataset over {@code file}, re-read from the start on each {@link Dataset#open()}. */
    public static Dataset open(Path file) {
        DatasetFormat format = DatasetFormat.of(file);
        if (Files.isDirectory(file)) {
            throw ConfigException.at(file.toString(), 0, "is a directory, not a dataset file. "
                    + "Point 'dataset:' at a .jsonl, .csv or .yaml file.");
        }
        if (!Files.isRegularFile(file)) {
            throw ConfigException.at(file.toString(), 0, "file not found. Check the 'dataset:' path.");
        }
        return new FileDataset(file, format);
    }
}
