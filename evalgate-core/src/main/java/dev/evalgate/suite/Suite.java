package dev.evalgate.suite;

import dev.evalgate.dataset.Dataset;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.judge.Judges;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.tools.Toolbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated suite: where the cases come from, the candidates, how outputs are judged, how to run.
 *
 * @param vars     suite-level template variables; a case's own variables win
 * @param slices   tag keys to break metrics down by
 * @param snapshot the suite file's content with every value that came from the environment masked
 * @param gate     the {@code gate:} section, validated with the rest of the file; {@link GateConfig#NONE} without one
 * @param store    the {@code store:} setting (a path or JDBC URL), or null for the default
 * @param notes    what the user should know about how the suite was read, e.g. targets skipped for a missing key
 * @param judges   the model judges declared under {@code judges:}; never among the targets
 * @param tools    the tools offered to the targets and the agent loop's rules; {@link Toolbox#NONE} without any
 */
public record Suite(String name, Path file, Path datasetFile, Dataset dataset, Map<String, Object> vars,
                    List<TargetConfig> targets, List<ConfiguredScorer> scorers, List<String> slices, RunOptions run,
                    String snapshot, GateConfig gate, String store, List<String> notes, Judges judges,
                    Toolbox tools)
        implements AutoCloseable {

    /** A suite with judges and no tools. */
    public Suite(String name, Path file, Path datasetFile, Dataset dataset, Map<String, Object> vars,
                 List<TargetConfig> targets, List<ConfiguredScorer> scorers, List<String> slices, RunOptions run,
                 String snapshot, GateConfig gate, String store, List<String> notes, Judges judges) {
        this(name, file, datasetFile, dataset, vars, targets, scorers, slices, run, snapshot, gate, store, notes,
                judges, Toolbox.NONE);
    }

    /** A suite with tools and no judges. */
    public Suite(String name, Path file, Path datasetFile, Dataset dataset, Map<String, Object> vars,
                 List<TargetConfig> targets, List<ConfiguredScorer> scorers, List<String> slices, RunOptions run,
                 String snapshot, GateConfig gate, String store, List<String> notes, Toolbox tools) {
        this(name, file, datasetFile, dataset, vars, targets, scorers, slices, run, snapshot, gate, store, notes,
                Judges.NONE, tools);
    }

    /** A suite without judges or tools. */
    public Suite(String name, Path file, Path datasetFile, Dataset dataset, Map<String, Object> vars,
                 List<TargetConfig> targets, List<ConfiguredScorer> scorers, List<String> slices, RunOptions run,
                 String snapshot, GateConfig gate, String store, List<String> notes) {
        this(name, file, datasetFile, dataset, vars, targets, scorers, slices, run, snapshot, gate, store, notes,
                Judges.NONE, Toolbox.NONE);
    }

    public Suite {
        vars = Map.copyOf(vars);
        targets = List.copyOf(targets);
        scorers = List.copyOf(scorers);
        slices = List.copyOf(slices);
        notes = notes == null ? List.of() : List.copyOf(notes);
        gate = gate == null ? GateConfig.NONE : gate;
        judges = judges == null ? Judges.NONE : judges;
        tools = tools == null ? Toolbox.NONE : tools;
    }

    /** The same suite with other targets (a subset, or the same with other call policies). */
    public Suite withTargets(List<TargetConfig> others) {
        return new Suite(name, file, datasetFile, dataset, vars, others, scorers, slices, run, snapshot, gate, store, notes,
                judges, tools);
    }

    /** The same suite with other run options. */
    public Suite withRun(RunOptions other) {
        return new Suite(name, file, datasetFile, dataset, vars, targets, scorers, slices, other, snapshot, gate, store, notes,
                judges, tools);
    }

    public boolean classification() {
        return scorers.stream().anyMatch(ConfiguredScorer::classification);
    }

    /** Closes every target and judge (worker processes, HTTP clients). */
    @Override
    public void close() {
        for (TargetConfig t : targets) {
            try {
                t.target().close();
            } catch (RuntimeException ignored) {
                // closing is best effort: a target that fails to close must not hide the run's results
            }
        }
        judges.close();
    }
}
