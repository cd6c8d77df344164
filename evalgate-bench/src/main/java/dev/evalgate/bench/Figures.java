package dev.evalgate.bench;

import java.util.Arrays;

/** Number formatting and the median, shared by the benchmarks' printouts. */
final class Figures {

    private Figures() {
    }

    static String mib(long bytes) {
        return String.format("%,.0f MiB", bytes / (1024.0 * 1024.0));
    }

    static String count(double value) {
        return String.format("%,.0f", value);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
