package dev.evalgate.targets;

import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetSpec;

import java.nio.file.Path;
import java.util.Map;

/** Builds targets in tests from YAML text, as a suite file would, and checks every option was read. */
public final class TestSpecs {

    private TestSpecs() {
    }

    public static TargetSpec spec(String id, String yaml, Path baseDir) {
        Options options = Options.of(YamlTree.parse("suite.yaml", yaml, Interpolator.of(Map.of())));
        return new TargetSpec(id, "test", options, baseDir);
    }

    /** Creates a target and, like the real caller, rejects any option the kind did not read. */
    public static Target create(TargetKind kind, String yaml) {
        return create(kind, yaml, Path.of("."));
    }

    public static Target create(TargetKind kind, String yaml, Path baseDir) {
        TargetSpec spec = spec("t1", yaml, baseDir);
        Target target = kind.create(spec);
        try {
            spec.options().done();
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        return target;
    }
}
