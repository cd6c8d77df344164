package dev.evalgate.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Smaller views of a dataset: the first n cases, or a stratified random sample of n cases.
 *
 * <p>Both stream: a view holds no cases, only (for a sample) one int per case while choosing and one bit per
 * case while reading.
 */
public final class Sampling {

    private Sampling() {
    }

    /** The first {@code n} cases of {@code dataset}, in file order. */
    public static Dataset limit(Dataset dataset, int n) {
        requirePositive(n, "a limit");
        return () -> new Filtered(dataset.open(), ordinal -> ordinal < n, n);
    }

    /**
     * {@code n} cases drawn at random, stratified by expected label ({@link Expected#primary()}), in file order.
     *
     * <p>The first pass over {@code dataset} records, per label, the ordinal positions of its cases; the sample
     * size is split across labels by {@link Allocation} (proportional, largest remainder, every label at least
     * one case when {@code n} allows); within a label the cases are chosen by a partial Fisher–Yates shuffle.
     * All randomness comes from one {@code new SplittableRandom(seed)}, so a seed always gives the same sample.
     * The second pass yields the chosen cases. With {@code n} at least the number of cases, every case is
     * returned. Each {@link Dataset#open()} of the result makes both passes.
     */
    public static Dataset sample(Dataset dataset, int n, long seed) {
        requirePositive(n, "a sample");
        return () -> {
            BitSet chosen = choose(dataset, n, seed);
            return chosen == null ? dataset.open() : new Filtered(dataset.open(), chosen::get, n);
        };
    }

    /** The ordinals of the chosen cases, or null when every case is chosen. */
    private static BitSet choose(Dataset dataset, int n, long seed) {
        Map<String, Ordinals> strata = new LinkedHashMap<>();
        int total = 0;
        try (CaseReader reader = dataset.open()) {
            while (reader.hasNext()) {
                strata.computeIfAbsent(reader.next().expected().primary(), label -> new Ordinals()).add(total++);
            }
        }
        if (n >= total) {
            return null;
        }
        List<Ordinals> groups = new ArrayList<>(strata.values());
        int[] sizes = groups.stream().mapToInt(g -> g.size).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        int[] quota = Allocation.split(sizes, n, random);
        BitSet chosen = new BitSet(total);
        for (int s = 0; s < groups.size(); s++) {
            int[] ordinals = groups.get(s).values;
            int size = sizes[s];
            for (int i = 0; i < quota[s]; i++) {
                int j = i + random.nextInt(size - i);
                int swap = ordinals[i];
                ordinals[i] = ordinals[j];
                ordinals[j] = swap;
                chosen.set(ordinals[i]);
            }
        }
        return chosen;
    }

    private static void requirePositive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " needs at least 1 case, but n is " + n);
        }
    }

    /** A growable list of ints: the positions of one label's cases. */
    private static final class Ordinals {
        int[] values = new int[8];
        int size;

        void add(int ordinal) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = ordinal;
        }
    }

    /** Passes on the cases whose ordinal is kept, and stops reading once {@code wanted} have been passed on. */
    private static final class Filtered implements CaseReader {
        private final CaseReader source;
        private final IntPredicate keep;
        private final int wanted;
        private int ordinal;
        private int given;
        private Case pending;

        Filtered(CaseReader source, IntPredicate keep, int wanted) {
            this.source = source;
            this.keep = keep;
            this.wanted = wanted;
        }

        @Override
        public boolean hasNext() {
            while (pending == null && given < wanted && source.hasNext()) {
                Case next = source.next();
                if (keep.test(ordinal++)) {
                    pending = next;
                }
            }
            return pending != null;
        }

        @Override
        public Case next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more cases in the sample");
            }
            Case next = pending;
            pending = null;
            given++;
            return next;
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
