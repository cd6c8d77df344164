package dev.evalgate.dataset;

import java.nio.file.Path;

/** A dataset stored in one file; each pass reopens the file. */
record FileDataset(Path file, DatasetFormat format) implements Dataset {

    @Override
    public CaseReader open() {
        return new FileCaseReader(file, format);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
