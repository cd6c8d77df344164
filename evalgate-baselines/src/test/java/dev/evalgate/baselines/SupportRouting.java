package dev.evalgate.baselines;

import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.DatasetFiles;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The support-routing example as a test fixture: its training file, its cases, and accuracy over them. */
public final class SupportRouting {

    /** The example suite folder, seen from the module folder where Maven runs the tests. */
    public static final Path SUITE = Path.of("../examples/support-routing").toAbsolutePath().normalize();

    private SupportRouting() {
    }

    /** Target options as a suite would hold them; models are cached in {@code cache}, not in the example. */
    public static TargetSpec spec(String type, String yaml, Path cache) {
        String text = "id: t\ntype: " + type + "\ntrain: data/train.jsonl\nmodel_cache: " + cache + "\n" + yaml;
        Options options = Options.of(YamlTree.parse("evalgate.yaml", text, Interpolator.of(Map.of())));
        options.allow("id", "type");
        return new TargetSpec("t", type, options, SUITE);
    }

    /** The share of the example's 240 cases the target labels correctly; printed for the test log. */
    public static double accuracy(String name, Target target) throws Exception {
        int right = 0;
        int total = 0;
        try (CaseReader reader = DatasetFiles.open(SUITE.resolve("data/cases.jsonl")).open()) {
            while (reader.hasNext()) {
                Case kase = reader.next();
                String answer = target.call(new Request(kase, null, 0)).text();
                right += answer.equals(kase.expected().primary()) ? 1 : 0;
                total++;
            }
        }
        double accuracy = (double) right / total;
        System.out.printf(Locale.ROOT, "%s accuracy on support-routing: %.3f (%d/%d)%n", name, accuracy, right, total);
        return accuracy;
    }
}
