package dev.evalgate.dataset;

import java.nio.file.Path;

/** A dataset stored in one file, read with the given field names; each pass reopens the file. */
record FileDataset(Path file, DatasetFormat format, FieldNames names) implements Dataset {

    @Override
    public CaseReader open() {
        return new FileCaseReader(file, format, names);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
