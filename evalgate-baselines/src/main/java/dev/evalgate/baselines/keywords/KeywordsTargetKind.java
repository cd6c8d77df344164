package dev.evalgate.baselines.keywords;

import dev.evalgate.baselines.BaselineTarget;
import dev.evalgate.baselines.Kinds;
import dev.evalgate.baselines.ModelCache;
import dev.evalgate.baselines.TextSource;
import dev.evalgate.baselines.Trained;
import dev.evalgate.baselines.TrainingSet;
import dev.evalgate.config.Options;
import dev.evalgate.baselines.BaselineKind;
import dev.evalgate.target.TargetSpec;

/**
 * The {@code baseline:keywords} target kind: keyword rules learned from the {@code train} file.
 *
 * <p>Options: {@code train} (required), {@code text}, {@code model_cache}, {@code keywords} (per label, default
 * 15), {@code min_count} (default 2), {@code print_rules} (print the learned rules to stderr).
 */
public final class KeywordsTargetKind extends BaselineKind {

    public static final String ID = "baseline:keywords";

    public KeywordsTargetKind() {
        super(ID);
    }

    @Override
    public KeywordsTarget create(TargetSpec spec) {
        Options options = spec.options();
        TrainingSet set = TrainingSet.load(options, spec.baseDir());
        int perLabel = options.integer("keywords", 1, 10_000).orElse(15);
        int minCount = options.integer("min_count", 1, 1_000_000).orElse(2);
        boolean print = options.bool("print_rules").orElse(false);
        String settings = "keywords/1 keywords=" + perLabel + " min_count=" + minCount;
        Trained<KeywordModel> trained = ModelCache.load("keywords", set, settings, options, spec.baseDir(),
                () -> new KeywordTrainer(perLabel, minCount).train(set));
        Kinds.announce(spec.id(), ID, set, trained);
        if (print) {
            System.err.println(trained.model().rulesText());
        }
        return new KeywordsTarget(TextSource.read(options), trained.model());
    }

    /** Answers the label whose keywords the text matches best. */
    public static final class KeywordsTarget extends BaselineTarget {
        private final KeywordModel model;

        KeywordsTarget(TextSource text, KeywordModel model) {
            super(text);
            this.model = model;
        }

        @Override
        public String predict(String text) {
            return model.predict(text);
        }

        /** The learned rules, one line per label: {@code label: kw1 (2.31), kw2 (1.97)}. */
        public String rules() {
            return model.rulesText();
        }
    }
}
