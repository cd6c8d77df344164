package dev.evalgate.metric;

import java.util.Arrays;

/**
 * Every call latency of one target in a growable primitive array: exact percentiles need all values, and a
 * million doubles is 8 MB where a million boxed values would be several times that. Not thread-safe.
 */
final class LatencyRecorder {

    private double[] values = new double[256];
    private int size;

    void add(double latencyMs) {
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException("latency must be a finite number of ms >= 0, got " + latencyMs);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(size * 2, 16));
        }
        values[size++] = latencyMs;
    }

    int size() {
        return size;
    }

    LatencyStats finish(double confidence) {
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return LatencyStats.ofSorted(sorted, confidence);
    }
}
