package dev.evalgate.dataset;

/**
 * A set of 64-bit numbers in one open-addressed array: 8 bytes a slot, at most 3/4 full, so a million entries
 * take 16 MB where a {@code HashSet<String>} of ids would take well over 100 MB.
 */
final class LongHashSet {

    /** Marks an empty slot; the one value that cannot be stored as is, so it is stored as {@link #ZERO_STAND_IN}. */
    private static final long EMPTY = 0L;
    private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;

    private long[] slots = new long[1024];
    private int size;

    /** Adds {@code value}; false when it was already present. */
    boolean add(long value) {
        long key = value == EMPTY ? ZERO_STAND_IN : value;
        if (size + 1 > slots.length / 4 * 3) {
            grow();
        }
        int mask = slots.length - 1;
        int i = spread(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int i = spread(key) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = key;
            }
        }
    }

    /** Mixes the high bits into the low ones the mask keeps (the finaliser of SplitMix64). */
    private static int spread(long key) {
        long z = key;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}
