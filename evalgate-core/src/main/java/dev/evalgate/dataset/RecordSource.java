package dev.evalgate.dataset;

import java.io.Closeable;

/**
 * One pass over the records of a dataset file in one format, read one at a time.
 *
 * <p>Syntax errors (bad JSON, bad CSV quoting, bad YAML) are thrown as
 * {@link dev.evalgate.error.ConfigException}s naming the file and line; the meaning of the fields is checked later
 * by {@link CaseMapper}, the same for every format.
 */
interface RecordSource extends Closeable {

    /** The next record, or null at the end of the file. */
    RawRecord read();

    @Override
    void close();
}
