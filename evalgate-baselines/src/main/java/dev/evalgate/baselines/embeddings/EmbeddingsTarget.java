package dev.evalgate.baselines.embeddings;

import dev.evalgate.baselines.BaselineTarget;
import dev.evalgate.baselines.TextSource;
import dev.evalgate.baselines.Trained;

/** A baseline that embeds the case text with all-MiniLM-L6-v2 and names the label its classifier picks. */
public final class EmbeddingsTarget extends BaselineTarget {

    private final Embedder embedder;
    private final Classifier classifier;
    private final Trained<EmbeddedSet> trained;

    EmbeddingsTarget(TextSource text, Embedder embedder, Classifier classifier, Trained<EmbeddedSet> trained) {
        super(text);
        this.embedder = embedder;
        this.classifier = classifier;
        this.trained = trained;
    }

    @Override
    public String predict(String text) {
        return classifier.classify(embedder.embed(text));
    }

    /** The embedded training set and whether it came from the model cache. */
    public Trained<EmbeddedSet> trained() {
        return trained;
    }
}
