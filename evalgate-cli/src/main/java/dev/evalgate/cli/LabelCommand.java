package dev.evalgate.cli;

import dev.evalgate.calibration.LabelItem;
import dev.evalgate.error.ConfigException;
import dev.evalgate.store.JudgedOutputs;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;
import dev.evalgate.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code evalgate label}: a person labels a stored run's judged outputs in the terminal, building the labels file a
 * judge is calibrated on.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Label a run's judged outputs pass or fail, for calibrating the judge.")
final class LabelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run id, or 'last' for the newest run")
    String run;

    @Option(names = "--scorer", paramLabel = "ID", defaultValue = "judge",
            description = "The judge scorer whose verdicts are labelled (default: ${DEFAULT-VALUE})")
    String scorer;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "The labels file to add to (default: labels/<scorer>.jsonl beside the suite file)")
    Path labels;

    @Option(names = "--target", paramLabel = "ID", description = "Only this target's outputs")
    String target;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + Integer.MAX_VALUE,
            description = "Stop after N labels")
    int limit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Order of the outputs offered (the same seed resumes in the same order)")
    long seed;

    @Override
    public Integer call() {
        try (Store store = storeOption.openExisting()) {
            StoredRun stored = RunRecords.find(store, run);
            List<LabelItem> items;
            try (Stream<StoredCaseResult> results = store.caseResults(stored.runId())) {
                items = items(results.toList());
            }
            Path file = labels != null ? labels : JudgeScorers.defaultLabels(
                    Path.of(stored.info().suiteFile() == null ? "evalgate.yaml" : stored.info().suiteFile()), scorer);
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new Labeller(file, in, spec.commandLine().getOut()).label(items, seed, limit);
        }
        return ExitCode.OK;
    }

    /** Each distinct output the scorer judged, once; a run without that scorer's verdicts is a usage error. */
    List<LabelItem> items(List<StoredCaseResult> results) {
        JudgedOutputs judged = JudgedOutputs.of(results, scorer, target);
        if (judged.items().isEmpty()) {
            throw new ConfigException("run " + run + " has no output judged by scorer '" + scorer + "'"
                    + (target == null ? "" : " for target '" + target + "'")
                    + (judged.scorers().isEmpty() ? "" : "; its scorers are " + String.join(", ", judged.scorers()))
                    + ". Name the judge scorer with --scorer.");
        }
        return judged.items();
    }
}
