package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;

import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * One pass over a dataset file as cases: reads a record, maps it, checks its id, hands it out, forgets it.
 *
 * <p>Errors are thrown from {@link #hasNext()} as well as {@link #next()}, at the record that causes them. A
 * file without a single case is an error too: a suite over nothing would pass every gate.
 */
final class FileCaseReader implements CaseReader {

    private final Path file;
    private final DatasetFormat format;
    private final RecordSource records;
    private final CaseMapper mapper;
    private final IdCheck ids;
    private Case pending;
    private int count;
    private boolean finished;

    private final ExpectedCheck expectedCheck;

    /** @param expectedCheck the check that every case has an expected answer, or null when none is needed */
    FileCaseReader(Path file, DatasetFormat format, FieldNames names, ExpectedCheck expectedCheck) {
        this.file = file;
        this.format = format;
        this.records = format.open(file, names, expectedCheck);
        this.mapper = new CaseMapper(file.toString(), names);
        this.ids = new IdCheck(file, format, names);
        this.expectedCheck = expectedCheck;
    }

    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        RawRecord record = records.read();
        if (record == null) {
            finished = true;
            close();
            if (count == 0) {
                throw ConfigException.at(file.toString(), 0, "has no cases. " + format.example());
            }
            return false;
        }
        CaseMapper.Mapped mapped = mapper.map(record);
        if (expectedCheck != null) {
            expectedCheck.record(record, mapped.value(), format == DatasetFormat.CSV);
        }
        ids.check(mapped, count);
        count++;
        pending = mapped.value();
        return true;
    }

    @Override
    public Case next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more cases in " + file);
        }
        Case next = pending;
        pending = null;
        return next;
    }

    @Override
    public void close() {
        records.close();
    }
}
