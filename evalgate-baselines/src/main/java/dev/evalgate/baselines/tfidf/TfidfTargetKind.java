package dev.evalgate.baselines.tfidf;

import de.bwaldvogel.liblinear.SolverType;
import dev.evalgate.baselines.BaselineTarget;
import dev.evalgate.baselines.Kinds;
import dev.evalgate.baselines.ModelCache;
import dev.evalgate.baselines.TextSource;
import dev.evalgate.baselines.Trained;
import dev.evalgate.baselines.TrainingSet;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.baselines.BaselineKind;
import dev.evalgate.target.TargetSpec;

import java.util.Optional;

/**
 * The {@code baseline:tfidf} target kind: TF-IDF over word n-grams and a liblinear classifier.
 *
 * <p>Options: {@code train} (required), {@code text}, {@code model_cache}, {@code ngrams} (default 2),
 * {@code min_df} (default 1), {@code C} (default 4), {@code solver}: {@code logistic} (default) or {@code svm}
 * (Crammer-Singer multi-class SVM).
 */
public final class TfidfTargetKind extends BaselineKind {

    public static final String ID = "baseline:tfidf";

    public TfidfTargetKind() {
        super(ID);
    }

    @Override
    public TfidfTarget create(TargetSpec spec) {
        Options options = spec.options();
        TrainingSet set = TrainingSet.load(options, spec.baseDir());
        TfidfTrainer trainer = new TfidfTrainer(
                options.integer("ngrams", 1, 3).orElse(2),
                options.integer("min_df", 1, 1_000_000).orElse(1),
                options.number("C", 1e-6, 1e6).orElse(4.0),
                solver(options.scalar("solver")));
        Trained<TfidfModel> trained = ModelCache.load("tfidf", set, trainer.settings(), options, spec.baseDir(),
                () -> trainer.train(set));
        Kinds.announce(spec.id(), ID, set, trained);
        return new TfidfTarget(TextSource.read(options), trained.model());
    }

    private static SolverType solver(Optional<ConfigNode.Scalar> value) {
        if (value.isEmpty()) {
            return SolverType.L2R_LR;
        }
        return switch (value.get().value().trim().toLowerCase()) {
            case "logistic" -> SolverType.L2R_LR;
            case "svm" -> SolverType.MCSVM_CS;
            default -> throw value.get().error("must be 'logistic' or 'svm', but is '" + value.get().shown() + "'");
        };
    }

    /** Answers the label the linear model scores highest. */
    public static final class TfidfTarget extends BaselineTarget {
        private final TfidfModel model;

        TfidfTarget(TextSource text, TfidfModel model) {
            super(text);
            this.model = model;
        }

        @Override
        public String predict(String text) {
            return model.predict(text);
        }
    }
}
