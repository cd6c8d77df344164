package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;

import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * Finds the first repeated case id in one pass over a dataset file, in memory that does not grow with the ids.
 *
 * <p>Only a 64-bit hash of each id is kept ({@link LongHashSet}, 8 bytes an id), never the ids themselves. When
 * a hash was seen before, the file is read again from the start up to the current record to confirm that an
 * earlier case really has the same id and to find its line; a mere hash collision (odds about 1 in 10^7 for a
 * million cases) costs that one re-read and is otherwise ignored. A true duplicate stops the pass with an error
 * naming both lines, so the re-read happens at most once per real duplicate.
 */
final class IdCheck {

    private final Path file;
    private final DatasetFormat format;
    private final FieldNames names;
    private final ToLongFunction<String> hash;
    private final LongHashSet seen = new LongHashSet();

    IdCheck(Path file, DatasetFormat format, FieldNames names) {
        this(file, format, names, IdCheck::hash);
    }

    /** With the standard field names and another hash, so tests can force collisions. */
    IdCheck(Path file, DatasetFormat format, ToLongFunction<String> hash) {
        this(file, format, FieldNames.DEFAULT, hash);
    }

    private IdCheck(Path file, DatasetFormat format, FieldNames names, ToLongFunction<String> hash) {
        this.file = file;
        this.format = format;
        this.names = names;
        this.hash = hash;
    }

    /** Accepts the case at {@code ordinal} (0-based position among the records) or throws naming the first copy. */
    void check(CaseMapper.Mapped mapped, int ordinal) {
        Case current = mapped.value();
        if (seen.add(hash.applyAsLong(current.id()))) {
            return;
        }
        int firstLine = firstLineOf(current.id(), ordinal);
        if (firstLine < 0) {
            return;
        }
        int line = lineOf(current);
        String message = mapped.derivedId()
                ? "duplicate id '" + current.id() + "' (derived from input and expected): line " + firstLine
                + " has the same input and expected. Remove the repeated case, or give both an explicit '" + names.id()
                + "'."
                : "duplicate id '" + current.id() + "': line " + firstLine + " has the same id. Ids pair cases "
                + "across runs, so each must be unique; rename one or remove the repeated case.";
        throw ConfigException.at(file.toString(), line, message);
    }

    /** The line of the first record before {@code ordinal} with this id, or -1 when the hash match was a fluke. */
    private int firstLineOf(String id, int ordinal) {
        CaseMapper mapper = new CaseMapper(file.toString(), names);
        try (RecordSource records = format.open(file, names)) {
            for (int i = 0; i < ordinal; i++) {
                RawRecord record = records.read();
                if (record == null) {
                    return -1;
                }
                if (mapper.map(record).value().id().equals(id)) {
                    return record.line();
                }
            }
        }
        return -1;
    }

    private static int lineOf(Case c) {
        String source = c.source();
        return Integer.parseInt(source.substring(source.lastIndexOf(':') + 1));
    }

    /** FNV-1a over the UTF-16 units of the id: cheap, and 64 bits keep chance collisions negligible. */
    static long hash(String id) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }
}
