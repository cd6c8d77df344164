package dev.evalgate.baselines.embeddings;

import java.util.List;

/** The label whose mean training embedding lies closest (by cosine) to the text's embedding. */
final class CentroidClassifier implements Classifier {

    private final List<String> classes;
    private final float[][] centroids;

    CentroidClassifier(EmbeddedSet set) {
        this.classes = set.classes();
        this.centroids = new float[classes.size()][Embedder.DIMENSIONS];
        for (int i = 0; i < set.size(); i++) {
            float[] sum = centroids[classes.indexOf(set.labels().get(i))];
            float[] vector = set.vectors()[i];
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vector[d];
            }
        }
        for (float[] centroid : centroids) {
            normalize(centroid);
        }
    }

    @Override
    public String classify(float[] vector) {
        int best = 0;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double similarity = Embedder.cosine(vector, centroids[c]);
            if (similarity > bestSimilarity) {
                best = c;
                bestSimilarity = similarity;
            }
        }
        return classes.get(best);
    }

    /** Scales to unit length so that cosine is a plain dot product, as for text embeddings. */
    private static void normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < vector.length; d++) {
                vector[d] *= scale;
            }
        }
    }
}
