package dev.evalgate.cli;

import dev.evalgate.compare.Comparer;
import dev.evalgate.compare.Comparison;
import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredJudgedChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code evalgate compare}: two runs paired by case id, with the paired statistics and the flipped cases. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare a head run with a base run: paired pass-rate change, latency and cost ratios, "
                + "and the cases that flipped.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Parameters(index = "0", paramLabel = "BASE", description = "A run id, 'last', or a baseline file (.json)")
    String base;

    @Parameters(index = "1", paramLabel = "HEAD", description = "A run id, 'last', or a baseline file (.json)")
    String head;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the comparison as Markdown")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON")
    Path json;

    @Override
    public Integer call() {
        RunSource source = new RunSource(storeOption::openExisting);
        RunRecord baseRun = source.load(base);
        RunRecord headRun = source.load(head);
        Comparison comparison = new Comparer(Comparer.RESAMPLES, seed).compare(baseRun, headRun);
        Map<String, Map<String, JudgedChange>> judged = judged(source);
        PrintWriter out = spec.commandLine().getOut();
        ComparisonText.print(comparison, out);
        JudgedChangeLines.print(judged, out);
        if (markdown != null) {
            Reports.write(markdown, ComparisonMarkdown.of(comparison) + JudgedChangeLines.markdown(judged));
            out.println();
            out.println("Wrote " + markdown);
        }
        if (json != null) {
            ComparisonJson.write(comparison, judged, json);
            out.println("Wrote " + json);
        }
        return ExitCode.OK;
    }

    /**
     * Per target and judge scorer, how the judge's verdicts changed, paired by case; none when either run is a
     * baseline file, which keeps no judge verdicts or calibration.
     */
    private Map<String, Map<String, JudgedChange>> judged(RunSource source) {
        if (RunSource.isFile(base) || RunSource.isFile(head)) {
            return Map.of();
        }
        Store store = source.store();
        return StoredJudgedChanges.of(store, RunRecords.find(store, base), RunRecords.find(store, head));
    }
}
