package dev.evalgate.dataset;

import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** A reader that passes on only the cases a predicate keeps, reading the source lazily. */
final class MatchingReader implements CaseReader {

    private final CaseReader source;
    private final Predicate<Case> keep;
    private Case pending;

    MatchingReader(CaseReader source, Predicate<Case> keep) {
        this.source = source;
        this.keep = keep;
    }

    @Override
    public boolean hasNext() {
        while (pending == null && source.hasNext()) {
            Case next = source.next();
            if (keep.test(next)) {
                pending = next;
            }
        }
        return pending != null;
    }

    @Override
    public Case next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more cases in the shard");
        }
        Case next = pending;
        pending = null;
        return next;
    }

    @Override
    public void close() {
        source.close();
    }
}
