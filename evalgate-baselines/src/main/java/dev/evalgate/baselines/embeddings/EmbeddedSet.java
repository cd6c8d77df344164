package dev.evalgate.baselines.embeddings;

import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;

/**
 * A training set after embedding: one unit-length vector and one label per training case. This is what the
 * embeddings target caches, because embedding is the slow step; classifiers train from it in milliseconds.
 */
public record EmbeddedSet(List<String> labels, float[][] vectors) implements Serializable {

    public EmbeddedSet {
        labels = List.copyOf(labels);
        if (labels.size() != vectors.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + vectors.length + " vectors");
        }
    }

    public int size() {
        return labels.size();
    }

    /** The distinct labels in sorted order, so class numbers are stable from run to run. */
    public List<String> classes() {
        return List.copyOf(new TreeSet<>(labels));
    }
}
