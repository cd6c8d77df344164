package dev.evalgate.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * A mean with a cluster-robust (CR1) standard error, for cases that are not independent because they share a
 * source document, conversation or template (eval-statistics §2.4).
 *
 * <p>SE = sqrt(G/(G−1) · Σ_c (Σ_{i∈c}(s_i − s̄))²) / n with a t(G−1) interval, as Inspect's clustered stderr.
 * With few clusters the interval is wide and can pass 1; it is not clipped, so that width stays visible.
 *
 * @param clusters G, the number of distinct clusters; report it next to n
 */
public record ClusterRobustMean(double mean, double standardError, int clusters, Interval interval) {

    /**
     * The CR1 mean of {@code values}, where {@code clusterIds[i]} names the cluster of value i. A null id puts
     * the value in a cluster of its own, i.e. it is independent of every other.
     */
    public static ClusterRobustMean cr1(double[] values, String[] clusterIds, double confidence) {
        if (values.length != clusterIds.length) {
            throw new IllegalArgumentException("got " + values.length + " values but " + clusterIds.length
                    + " cluster ids; give one cluster id per value");
        }
        Critical.requireConfidence(confidence);
        int n = values.length;
        if (n == 0) {
            return new ClusterRobustMean(Double.NaN, Double.NaN, 0, Interval.empty());
        }
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= n;
        Map<Object, Double> residualSums = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Object id = clusterIds[i] == null ? new Object() : clusterIds[i];
            residualSums.merge(id, values[i] - mean, Double::sum);
        }
        int g = residualSums.size();
        if (g < 2) {
            return new ClusterRobustMean(mean, Double.NaN, g, Interval.empty());
        }
        double sumOfSquares = 0;
        for (double sum : residualSums.values()) {
            sumOfSquares += sum * sum;
        }
        double se = Math.sqrt((double) g / (g - 1) * sumOfSquares) / n;
        double half = Critical.t(g - 1, confidence) * se;
        return new ClusterRobustMean(mean, se, g, new Interval(mean - half, mean + half));
    }
}
