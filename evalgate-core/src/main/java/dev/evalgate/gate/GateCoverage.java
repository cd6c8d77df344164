package dev.evalgate.gate;

import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.error.ConfigException;

import java.util.List;

/**
 * What a gate needs from the runs it judges before its verdict means anything: limits to check, results for every
 * gated target, and at least one check in the end.
 *
 * <p>A verdict over no checks would read PASS while nothing was looked at, so each of these is a
 * {@link ConfigException} naming what is missing and how to supply it, never a silent pass.
 */
final class GateCoverage {

    private GateCoverage() {
    }

    /** Fails when {@code config} cannot check anything on this evidence, before any check is made. */
    static void require(GateConfig config, SuiteGate.Evidence evidence) {
        if (config.isEmpty()) {
            throw new ConfigException("the gate has no budgets and no margins, so there is nothing to check; add"
                    + " limits under 'gate:', e.g. absolute: { pass_rate: \">= 0.85\" }");
        }
        RunRecord head = evidence.head();
        List<String> ran = ran(head);
        List<String> gated = config.targets().isEmpty() ? ran : config.targets();
        if (gated.isEmpty()) {
            throw new ConfigException("run " + head.runId() + " has no results for any target, so the gate has"
                    + " nothing to check; run the suite again");
        }
        for (String id : gated) {
            if (!ran.contains(id)) {
                throw new ConfigException("run " + head.runId() + " has no results for gated target '" + id
                        + "' (it ran: " + names(ran) + "); run it with 'evalgate run --target " + id
                        + "', or gate only the targets it ran under gate.targets");
            }
        }
        if (config.margins().isEmpty()) {
            return;
        }
        RunRecord base = evidence.baseline();
        if (base == null) {
            if (config.budgets().isEmpty()) {
                throw new ConfigException("the gate has only margins against a baseline, and no baseline was given,"
                        + " so nothing would be checked; pass --baseline <run-id|file>");
            }
            return;
        }
        List<String> baseRan = ran(base);
        // a target gated by name must be held to its margins; with every target gated, a new candidate the
        // baseline predates is noted by the gate instead, so adding a target does not break the build
        for (String id : config.targets()) {
            if (!baseRan.contains(id)) {
                throw new ConfigException("baseline " + base.runId() + " has no results for gated target '" + id
                        + "' (it ran: " + names(baseRan) + "), so its margins cannot be checked; pass a baseline"
                        + " that ran it");
            }
        }
    }

    /** Fails when the gate ended with no check at all, e.g. when every margin could not be judged. */
    static void requireChecks(GateReport report, RunRecord head) {
        if (report.checks().isEmpty()) {
            throw new ConfigException("the gate checked nothing on run " + head.runId() + ": "
                    + String.join("; ", report.notes()));
        }
    }

    /** The targets of a run that have at least one case. */
    private static List<String> ran(RunRecord run) {
        return run.targets().stream().filter(t -> !t.cases().isEmpty()).map(TargetRecord::target).toList();
    }

    private static String names(List<String> ids) {
        return ids.isEmpty() ? "no target" : String.join(", ", ids);
    }
}
