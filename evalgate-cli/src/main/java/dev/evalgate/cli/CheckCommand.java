package dev.evalgate.cli;


import dev.evalgate.compare.RunRecord;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.gate.JudgedEvidence;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.SuiteGate;
import dev.evalgate.report.GateJson;
import dev.evalgate.report.GateLines;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.StoredJudgedChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code evalgate check}: applies the suite's {@code gate:} to a stored run (and its baseline) and exits 100 when
 * the gate fails the build. A thin adapter over {@link SuiteGate}.
 *
 * <p>The gate is the --config file's, else ./evalgate.yaml's when it is the run's suite, else the one in the suite
 * snapshot stored with the run, so a run can be checked from any folder that can reach its store.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Apply the suite's gate to a stored run; exit 100 when it fails the build.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", defaultValue = "last",
            description = "A run id, or 'last' for the newest run (default)")
    String run;

    @Option(names = "--baseline", paramLabel = "RUN|FILE",
            description = "The run to hold the margins against: a stored run id, 'last', or a baseline file (.json)")
    String baseline;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The suite file whose gate is applied (default: ./evalgate.yaml when it exists, else the"
                    + " suite snapshot stored with the run)")
    Path config;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the verdict as Markdown (and append it to $GITHUB_STEP_SUMMARY when set)")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write one JUnit test case per check")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the verdict as JSON, the same document the Maven plugin and JUnit extension write")
    Path json;

    @Option(names = "--wait", paramLabel = "TIMEOUT", description = "For a run written in shards: wait up to TIMEOUT"
            + " (e.g. 30m) for its missing shards, polling the store; without it an incomplete run exits 2")
    String wait;

    @Override
    public Integer call() {
        if (config != null && !Files.isRegularFile(config)) {
            throw new ConfigException("--config " + config.toAbsolutePath().normalize() + ": no such suite file; pass"
                    + " the suite whose gate to apply, or leave --config out to use the gate stored with the run");
        }
        Path suiteFile = config != null ? config : Path.of("evalgate.yaml").toAbsolutePath();
        boolean fromFile = Files.isRegularFile(suiteFile);
        GateConfig given = config != null ? GateSection.read(config) : null; // a file asked for is read first
        RunSource source = new RunSource(() -> storeOption.openExisting(suiteFile),
                fromFile ? suiteFile.toAbsolutePath().getParent() : null);
        PrintWriter out = spec.commandLine().getOut();
        java.time.Duration patience = wait == null ? null : ShardWait.parse(wait);
        RunRecord head = source.load(RunSource.isFile(run) ? run
                : ShardWait.untilComplete(source.store(), run, patience, spec.commandLine().getErr()));
        GateConfig gate = given != null ? given : implicitGate(suiteFile, fromFile, source, head, out);
        RunRecord base = baseline == null ? null : source.load(RunSource.isFile(baseline) ? baseline
                : ShardWait.untilComplete(source.store(), baseline, null, spec.commandLine().getErr()));
        SuiteGate.Evidence evidence = SuiteGate.Evidence.of(head, base, seed);
        GateReport report = new SuiteGate(gate, judged(source, head.runId(), base == null
                || RunSource.isFile(baseline) ? null : base.runId())).evaluate(evidence);
        out.println(GateLines.text(head.suite(), head.runId(), base == null ? null : base.runId(), report));
        if (markdown != null || System.getenv(Reports.STEP_SUMMARY) != null) {
            String text = GateMarkdown.of(head.runId(), report, evidence.comparison());
            if (markdown != null) {
                Reports.write(markdown, text);
            }
            Reports.appendToStepSummary(text);
        }
        if (junit != null) {
            Reports.write(junit, GateJUnit.of(head.suite(), report, gate.inconclusiveFails()));
        }
        if (json != null) {
            Reports.write(json, GateJson.of(head.suite(), head.runId(), base == null ? null : base.runId(), report));
        }
        return report.failsBuild() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }

    /**
     * The gate when no --config was given: ./evalgate.yaml's when it is this run's suite, else the one stored with
     * the run, saying so, since a folder's suite file may belong to another suite or be absent.
     */
    private GateConfig implicitGate(Path suiteFile, boolean fromFile, RunSource source, RunRecord head,
                                    PrintWriter out) {
        String here = fromFile ? GateSection.suiteName(suiteFile) : null;
        if (fromFile && (here == null || here.equals(head.suite()))) {
            return GateSection.read(suiteFile);
        }
        if (RunSource.isFile(run)) {
            throw new ConfigException(run + " is a baseline file, which keeps no gate, and there is no suite file"
                    + " of suite '" + head.suite() + "' here; pass it with --config <suite.yaml>");
        }
        GateConfig gate = GateSection.ofSnapshot(RunRecords.find(source.store(), head.runId()));
        source.guessSuiteDirFromStore(); // a relative --baseline may then be found beside the run's suite
        out.println("gate from run " + head.runId() + "'s stored suite snapshot (" + (fromFile
                ? "./evalgate.yaml is suite '" + here + "', not this run's '" + head.suite() + "'"
                : "no --config given") + ")");
        return gate;
    }

    /**
     * The judged pass rates the run stored per judge scorer, for a judged budget, and their changes from a stored
     * baseline, for a judged margin.
     */
    private static JudgedEvidence judged(RunSource source, String runId, String baseRunId) {
        return StoredJudgedChanges.evidence(source.store(), runId, baseRunId);
    }
}
