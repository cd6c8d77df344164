package dev.evalgate.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset stored in one file, read with the given field names; each pass reopens the file.
 *
 * @param needExpected the ids of the scorers that need every case to have an expected answer; often empty
 */
record FileDataset(Path file, DatasetFormat format, FieldNames names, List<String> needExpected) implements Dataset {

    @Override
    public CaseReader open() {
        ExpectedCheck check = needExpected.isEmpty() ? null : new ExpectedCheck(file, names, needExpected);
        return new FileCaseReader(file, format, names, check);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
