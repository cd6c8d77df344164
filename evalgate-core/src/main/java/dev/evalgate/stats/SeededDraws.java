package dev.evalgate.stats;

import java.util.SplittableRandom;

/**
 * A reproducible stream of case indices and coin flips, the RNG spec of eval-statistics §8.
 *
 * <p>{@code SplittableRandom(seed).nextLong()} is exactly SplitMix64, so the Python reference and this class draw
 * the same numbers. An index is {@code unsigned(next) mod n} (bias ≤ n/2⁶⁴) and a coin is the top bit; both
 * consume one draw. {@code SplittableRandom.nextInt(bound)} would use a different algorithm and break the test
 * vectors. Not thread-safe: one stream per computation.
 */
public final class SeededDraws {

    private final SplittableRandom random;

    public SeededDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A uniform index in [0, n). */
    public int index(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need n >= 1 to draw an index, got " + n);
        }
        return (int) Long.remainderUnsigned(random.nextLong(), n);
    }

    /** A fair coin: true for heads (top bit 1). */
    public boolean coin() {
        return (random.nextLong() >>> 63) == 1;
    }
}
