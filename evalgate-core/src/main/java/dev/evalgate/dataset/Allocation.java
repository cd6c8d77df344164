package dev.evalgate.dataset;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Splits a sample size across strata in proportion to their sizes, by the largest-remainder method.
 *
 * <p>Each stratum first gets the whole part of {@code n * size / total}; the cases left over go one each to the
 * strata with the largest fractional parts, ties broken in a seeded random order so no label is favoured by its
 * position in the file. When {@code n} is at least the number of strata, a stratum left with none takes one case
 * from the stratum most over its exact share (among those with two or more), so every label is represented.
 * Integer arithmetic throughout: the same inputs always give the same split.
 */
final class Allocation {

    private Allocation() {
    }

    /** How many of each stratum to take; {@code sizes} are all positive and {@code n} is below their sum. */
    static int[] split(int[] sizes, int n, SplittableRandom random) {
        int strata = sizes.length;
        long total = Arrays.stream(sizes).asLongStream().sum();
        int[] quota = new int[strata];
        long[] remainder = new long[strata];
        int given = 0;
        for (int i = 0; i < strata; i++) {
            long exact = (long) n * sizes[i];
            quota[i] = (int) (exact / total);
            remainder[i] = exact % total;
            given += quota[i];
        }
        int[] rank = shuffledRanks(strata, random);
        Integer[] byRemainder = order(strata, Comparator.<Integer>comparingLong(i -> -remainder[i])
                .thenComparingInt(i -> rank[i]));
        for (int k = 0; given < n; k++, given++) {
            quota[byRemainder[k]]++;
        }
        if (n >= strata) {
            giveEveryStratumOne(sizes, n, total, quota, rank);
        }
        return quota;
    }

    private static void giveEveryStratumOne(int[] sizes, int n, long total, int[] quota, int[] rank) {
        for (int empty = 0; empty < quota.length; empty++) {
            if (quota[empty] > 0) {
                continue;
            }
            int donor = -1;
            long donorExcess = Long.MIN_VALUE;
            for (int i = 0; i < quota.length; i++) {
                // Excess over the exact share n*size/total, scaled by total to stay in integers.
                long excess = quota[i] * total - (long) n * sizes[i];
                if (quota[i] > 1 && (excess > donorExcess || excess == donorExcess && rank[i] < rank[donor])) {
                    donor = i;
                    donorExcess = excess;
                }
            }
            quota[donor]--;
            quota[empty] = 1;
        }
    }

    private static int[] shuffledRanks(int count, SplittableRandom random) {
        int[] rank = new int[count];
        for (int i = 0; i < count; i++) {
            rank[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rank[i];
            rank[i] = rank[j];
            rank[j] = swap;
        }
        return rank;
    }

    private static Integer[] order(int count, Comparator<Integer> comparator) {
        Integer[] indexes = new Integer[count];
        Arrays.setAll(indexes, i -> i);
        Arrays.sort(indexes, comparator);
        return indexes;
    }
}
