package dev.evalgate.junit;

import dev.evalgate.cost.PriceTable;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Sampling;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.run.RunInfo;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.store.StoreLocation;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.SuiteLoader;

import java.nio.file.Path;

/**
 * A suite file run from a test: loaded by the CLI's {@link SuiteLoader}, run by the same runner over the same
 * cases ({@code run: limit/sample} included), kept in the same store, and judged by its own {@code gate:}.
 *
 * <pre>{@code
 * EvalResult result = Evaluation.fromSuite(Path.of("evalgate.yaml")).run();
 * EvalAssertions.assertThat(result).passesGate(Path.of("baseline.json"));
 * }</pre>
 *
 * <p>{@code java} targets are created from the test class path (and the suite's {@code jar:} entries), so a
 * target class in {@code src/test/java} calls the project's code as it is now. Calls are never answered from the
 * response cache.
 */
public final class SuiteEvaluation {

    private final Path file;

    SuiteEvaluation(Path file) {
        this.file = file;
    }

    /** Runs every target of the suite over its cases and stores the run where {@code evalgate run} would. */
    public EvalResult run() {
        Suite suite = SuiteLoader.standard().load(file);
        EvalRun run;
        try {
            run = plan(suite);
        } catch (RuntimeException e) {
            suite.close(); // targets may hold processes or clients; the run that would close them never starts
            throw e;
        }
        return run.run();
    }

    private EvalRun plan(Suite suite) {
        RunOptions options = suite.run();
        Dataset cases = suite.dataset();
        String selection = "all cases";
        if (options.sample() > 0) {
            cases = Sampling.sample(cases, options.sample(), options.seed());
            selection = "stratified sample of " + options.sample() + " (seed " + options.seed() + ")";
        } else if (options.limit() > 0) {
            cases = Sampling.limit(cases, options.limit());
            selection = "first " + options.limit();
        }
        Path suiteDir = file.toAbsolutePath().getParent();
        String store = StoreLocation.resolve(suite.store(), System.getenv(StoreLocation.ENV), suiteDir);
        GateConfig gate = suite.gate();
        RunInfo info = info(suite, suite.datasetFile().toString(), Fingerprint.ofFile(suite.datasetFile()), selection);
        return new EvalRun(suite, cases, info, gate, store, suiteDir);
    }

    /** The provenance of a run, as {@code evalgate run} records it. */
    static RunInfo info(Suite suite, String datasetFile, String datasetHash, String selection) {
        return new RunInfo(RunIds.next(), suite.name(), suite.file().toString(), datasetFile, datasetHash,
                suite.targets().stream().map(t -> new RunInfo.TargetInfo(t.id(), t.type(), t.model(),
                        t.price().origin(), t.spec())).toList(),
                suite.scorers().stream().map(ConfiguredScorer::spec).toList(), suite.slices(), suite.run().repeat(),
                suite.run().seed(), selection, PriceTable.builtIn().version(), "evalgate-junit");
    }
}
