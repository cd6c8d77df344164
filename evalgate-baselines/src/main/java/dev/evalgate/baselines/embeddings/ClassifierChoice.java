package dev.evalgate.baselines.embeddings;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;

import java.util.Locale;
import java.util.Optional;

/**
 * Which classifier the embeddings target trains on top of the vectors, read from its options.
 *
 * @param k neighbours that vote, for {@code knn}
 * @param c inverse regularisation strength, for {@code logistic}
 */
record ClassifierChoice(Type kind, int k, double c) {

    static final int DEFAULT_K = 10;
    static final double DEFAULT_C = 10;

    /** The classifiers a suite can name under {@code classifier:}. */
    enum Type { KNN, CENTROID, LOGISTIC }

    /** Reads {@code classifier} (default {@code logistic}), {@code k} (default 10) and {@code c} (default 10). */
    static ClassifierChoice read(Options options) {
        Optional<ConfigNode.Scalar> node = options.scalar("classifier");
        Type type = node.map(ClassifierChoice::type).orElse(Type.LOGISTIC);
        int k = options.integer("k", 1, 10_000).orElse(DEFAULT_K);
        double c = options.number("c", 1e-6, 1e6).orElse(DEFAULT_C);
        return new ClassifierChoice(type, k, c);
    }

    private static Type type(ConfigNode.Scalar node) {
        return switch (node.value().trim().toLowerCase(Locale.ROOT)) {
            case "knn" -> Type.KNN;
            case "centroid" -> Type.CENTROID;
            case "logistic" -> Type.LOGISTIC;
            default -> throw node.error("names classifier '" + node.shown()
                    + "', which is not known. Use one of: knn, centroid, logistic (the default).");
        };
    }

    /** How the choice reads in cache keys and the creation line, e.g. {@code knn(k=10)}. */
    String describe() {
        return switch (kind) {
            case KNN -> "knn(k=" + k + ")";
            case CENTROID -> "centroid";
            case LOGISTIC -> "logistic(c=" + c + ")";
        };
    }
}
