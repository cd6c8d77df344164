package dev.evalgate.dataset;

import java.io.Closeable;
import java.util.Iterator;

/**
 * A stream of cases read lazily from a file: one case in memory at a time, however large the file.
 *
 * <p>Iteration throws {@link dev.evalgate.error.ConfigException} naming the file and line for a malformed
 * record or a duplicate id. Close it to release the file.
 */
public interface CaseReader extends Iterator<Case>, Closeable {
    @Override
    void close();
}
