package dev.evalgate.bench;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Expected;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A dataset of {@code size} generated label cases, each made only when the runner reads it, so neither a file nor
 * a list of cases exists however large the run.
 *
 * <p>Case {@code i} expects label {@code i mod 4} and asks for it in its input ({@code "Say refund (case 5)"}); the
 * bench targets answer every tenth case wrongly, so a run of a multiple of ten cases passes exactly 90%.
 */
record SyntheticDataset(long size) implements Dataset {

    static final List<String> LABELS = List.of("billing", "refund", "shipping", "other");
    static final String WRONG_ANSWER = "wrong";
    private static final String ID_PREFIX = "case-";
    private static final int WRONG_EVERY = 10;

    @Override
    public CaseReader open() {
        return new CaseReader() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Case next() {
                if (next >= size) {
                    throw new NoSuchElementException("the synthetic dataset has only " + size + " cases");
                }
                return make(next++);
            }

            @Override
            public void close() {
                // nothing to release: cases are generated
            }
        };
    }

    static Case make(long index) {
        String id = ID_PREFIX + index;
        return new Case(id, Map.of("input", "Say " + label(index) + " (case " + index + ")"),
                Expected.text(label(index)), Map.of(), null, "synthetic:" + index);
    }

    static String label(long index) {
        return LABELS.get((int) (index % LABELS.size()));
    }

    /** The index a case was generated from, read back from its id. */
    static long index(Case kase) {
        return Long.parseLong(kase.id(), ID_PREFIX.length(), kase.id().length(), 10);
    }

    /** Whether the bench targets answer this case wrongly: one case in ten, deterministically. */
    static boolean answeredWrongly(long index) {
        return index % WRONG_EVERY == WRONG_EVERY - 1;
    }

    /** The cases of a run of {@code cases} that should pass. */
    static long expectedPasses(long cases) {
        return cases - cases / WRONG_EVERY;
    }
}
