package dev.evalgate.server;

import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.JudgedEvidence;
import dev.evalgate.gate.SuiteGate;
import dev.evalgate.store.StoredRun;

/**
 * The verdict of a stored run under the gate it was run with, read from the run's config snapshot — the server
 * has no suite file, but every run keeps its (redacted) config.
 *
 * <p>When the snapshot has no usable gate there is no verdict, and {@link Outcome#note} says why.
 */
final class SnapshotGate {

    /** Snapshot values are already interpolated; a {@code ${...}} left in them is text, and stays text. */
    private static final Interpolator LITERAL = new Interpolator(name -> "${" + name + "}");
    private static final String EXAMPLE = "gate: { absolute: { pass_rate: \">= 0.85\" } }";

    /** A verdict, or the reason there is none; exactly one of the two is set. */
    record Outcome(GateReport report, String note) {
    }

    private SnapshotGate() {
    }

    /**
     * The gate of {@code run}'s snapshot applied to {@code head}, with {@code comparison} against a base run for
     * the margins (both base and comparison null without one); {@code judged} is the run's judged rates per judge
     * scorer and, against a stored base run, their changes.
     */
    static Outcome judge(StoredRun run, RunRecord head, RunRecord base, Comparison comparison,
                         JudgedEvidence judged) {
        String snapshot = run.configSnapshot();
        if (snapshot == null || snapshot.isBlank()) {
            return new Outcome(null, "run " + run.runId() + " was stored without its config, so the gate it ran"
                    + " with is unknown; `evalgate check " + run.runId() + " --config <suite.yaml>` judges it"
                    + " with a suite file's gate");
        }
        GateConfig gate;
        try {
            gate = read(run.runId(), snapshot);
        } catch (ConfigException e) {
            return new Outcome(null, "the gate in run " + run.runId() + "'s config cannot be read: "
                    + e.getMessage());
        }
        if (gate.isEmpty()) {
            return new Outcome(null, "run " + run.runId() + "'s config has no gate with limits, so there is no"
                    + " verdict; add one to the suite file, e.g. " + EXAMPLE);
        }
        try {
            return new Outcome(new SuiteGate(gate, judged).evaluate(
                    new SuiteGate.Evidence(head, base, comparison)), null);
        } catch (ConfigException nothingChecked) {
            // e.g. the gate names a target this run did not run: no verdict, rather than a PASS over no checks
            return new Outcome(null, nothingChecked.getMessage());
        }
    }

    /** The {@code gate:} section of a snapshot (JSON, which is YAML too); {@link GateConfig#NONE} without one. */
    static GateConfig read(String runId, String snapshot) {
        return GateConfig.ofSuite(YamlTree.parse("run " + runId + " config", snapshot, LITERAL));
    }
}
