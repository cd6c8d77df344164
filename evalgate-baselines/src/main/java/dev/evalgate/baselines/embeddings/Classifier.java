package dev.evalgate.baselines.embeddings;

/** A rule that names the label of one unit-length embedding; built from an {@link EmbeddedSet}. */
interface Classifier {

    String classify(float[] vector);

    /** Builds the classifier named by the target's {@code classifier} option. */
    static Classifier train(ClassifierChoice choice, EmbeddedSet set) {
        return switch (choice.kind()) {
            case KNN -> new KnnClassifier(set, choice.k());
            case CENTROID -> new CentroidClassifier(set);
            case LOGISTIC -> new LogisticClassifier(set, choice.c());
        };
    }
}
