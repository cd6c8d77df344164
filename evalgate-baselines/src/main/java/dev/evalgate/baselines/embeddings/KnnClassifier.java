package dev.evalgate.baselines.embeddings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The k nearest training cases by cosine similarity, each voting for its label with its similarity as weight.
 *
 * <p>Weighting by similarity lets a few very close neighbours outvote many distant ones; negative similarities
 * count as zero so an opposite-meaning case never adds weight.
 */
record KnnClassifier(EmbeddedSet set, int k) implements Classifier {

    @Override
    public String classify(float[] vector) {
        // Min-heap of the best k so far: the weakest neighbour sits on top and is the one replaced.
        PriorityQueue<double[]> nearest = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < set.size(); i++) {
            double similarity = Embedder.cosine(vector, set.vectors()[i]);
            if (nearest.size() < k) {
                nearest.add(new double[] {similarity, i});
            } else if (similarity > nearest.peek()[0]) {
                nearest.poll();
                nearest.add(new double[] {similarity, i});
            }
        }
        Map<String, Double> votes = new LinkedHashMap<>();
        for (double[] neighbour : nearest) {
            votes.merge(set.labels().get((int) neighbour[1]), Math.max(0, neighbour[0]), Double::sum);
        }
        String best = null;
        double bestVotes = -1;
        for (String label : set.classes()) {
            double v = votes.getOrDefault(label, 0.0);
            if (v > bestVotes) {
                best = label;
                bestVotes = v;
            }
        }
        return best;
    }
}
