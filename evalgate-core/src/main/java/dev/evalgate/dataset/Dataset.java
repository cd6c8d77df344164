package dev.evalgate.dataset;

import java.util.Iterator;
import java.util.List;

/**
 * A source of cases that can be read more than once (sampling reads it twice).
 *
 * <p>Each {@link #open()} starts a fresh pass from the first case.
 */
@FunctionalInterface
public interface Dataset {
    CaseReader open();

    /** A dataset held in memory, for tests and the Java API; files are opened with {@link DatasetFiles#open}. */
    static Dataset of(List<Case> cases) {
        List<Case> copy = List.copyOf(cases);
        return () -> new CaseReader() {
            private final Iterator<Case> iterator = copy.iterator();

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Case next() {
                return iterator.next();
            }

            @Override
            public void close() {
                // nothing to release: the cases live in memory
            }
        };
    }
}
