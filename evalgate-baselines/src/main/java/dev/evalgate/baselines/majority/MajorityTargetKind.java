package dev.evalgate.baselines.majority;

import dev.evalgate.baselines.BaselineTarget;
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
 * The {@code baseline:majority} target kind: always answers the most frequent label of its {@code train} file.
 *
 * <p>Options: {@code train} (required), {@code text}, {@code model_cache}.
 */
public final class MajorityTargetKind extends BaselineKind {

    public static final String ID = "baseline:majority";

    public MajorityTargetKind() {
        super(ID);
    }

    @Override
    public Target create(TargetSpec spec) {
        Options options = spec.options();
        TrainingSet set = TrainingSet.load(options, spec.baseDir());
        Trained<MajorityModel> trained = ModelCache.load("majority", set, "majority/1", options, spec.baseDir(),
                () -> MajorityModel.train(set.labels()));
        Kinds.announce(spec.id(), ID, set, trained);
        return new MajorityTarget(TextSource.read(options), trained.model());
    }

    /** Answers the one label, whatever the text. */
    static final class MajorityTarget extends BaselineTarget {
        private final MajorityModel model;

        MajorityTarget(TextSource text, MajorityModel model) {
            super(text);
            this.model = model;
        }

        @Override
        public String predict(String text) {
            return model.label();
        }
    }
}
