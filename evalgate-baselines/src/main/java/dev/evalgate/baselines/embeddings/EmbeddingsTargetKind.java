package dev.evalgate.baselines.embeddings;

import dev.evalgate.baselines.Kinds;
import dev.evalgate.baselines.ModelCache;
import dev.evalgate.baselines.TextSource;
import dev.evalgate.baselines.Trained;
import dev.evalgate.baselines.TrainingSet;
import dev.evalgate.config.Options;
import dev.evalgate.target.Target;
import dev.evalgate.baselines.BaselineKind;
import dev.evalgate.target.TargetSpec;

/**
 * The {@code baseline:embeddings} target kind: sentence embeddings of the training texts with a small
 * classifier on top, all in-process and offline.
 *
 * <p>Options: {@code train} (required, labelled cases), {@code text} (template for the text, default the
 * input), {@code classifier} ({@code logistic} (default), {@code knn} or {@code centroid}), {@code k}
 * (neighbours for knn, default 10), {@code c} (inverse regularisation for logistic, default 10),
 * {@code model_cache} (folder, default {@code .evalgate/models}).
 *
 * <p>Only the embeddings are cached: embedding is the slow step (seconds), while every classifier trains from
 * the vectors in well under a second, so switching {@code classifier} reuses the same cache file.
 */
public final class EmbeddingsTargetKind extends BaselineKind {

    public static final String ID = "baseline:embeddings";

    public EmbeddingsTargetKind() {
        super(ID);
    }

    @Override
    public Target create(TargetSpec spec) {
        return build(spec, true);
    }

    /** Builds the target without printing the creation line; for tests and embedders. */
    public static EmbeddingsTarget build(TargetSpec spec) {
        return build(spec, false);
    }

    private static EmbeddingsTarget build(TargetSpec spec, boolean announce) {
        Options options = spec.options();
        TrainingSet set = TrainingSet.load(options, spec.baseDir());
        ClassifierChoice choice = ClassifierChoice.read(options);
        Embedder embedder = Embedder.shared();
        Trained<EmbeddedSet> trained = ModelCache.load(ID, set, Embedder.MODEL_ID, options, spec.baseDir(),
                () -> new EmbeddedSet(set.labels(), embedder.embedAll(set.texts())));
        // the classifier is fitted on the (cached) embeddings every time; its time is part of training
        long start = System.nanoTime();
        Classifier classifier = Classifier.train(choice, trained.model());
        Trained<EmbeddedSet> total = new Trained<>(trained.model(), trained.fromCache(),
                trained.trainingTime().plus(java.time.Duration.ofNanos(System.nanoTime() - start)),
                trained.sizeBytes());
        if (announce) {
            Kinds.announce(spec.id(), "embeddings " + choice.describe(), set, total);
        }
        return new EmbeddingsTarget(TextSource.read(options), embedder, classifier, total);
    }
}
