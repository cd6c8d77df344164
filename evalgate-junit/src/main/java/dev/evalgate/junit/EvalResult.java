package dev.evalgate.junit;

import dev.evalgate.compare.RunRecord;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.report.MarkdownReport;
import dev.evalgate.run.RunResult;

import java.nio.file.Path;
import java.util.List;

/**
 * What an evaluation produced: the run's metrics per target and the record of every case, which the assertions
 * judge exactly as {@code evalgate check} judges a stored run.
 *
 * @param run       the runner's result: provenance, per-target metrics, first failures
 * @param record    every case of every target, as the gate and a baseline comparison read them
 * @param gate      the suite's own gate ({@code gate:} of the suite file, or {@code Builder.gate}); NONE without one
 * @param reportDir where the report files went ({@code target/evalgate}), or null when none were written
 * @param storedIn  the store the run was kept in, as {@code evalgate runs --store} takes it; null when not stored
 */
public record EvalResult(RunResult run, RunRecord record, GateConfig gate, Path reportDir, String storedIn) {

    /** A result that was neither stored nor written to files, and has no gate of its own. */
    public EvalResult(RunResult run, RunRecord record) {
        this(run, record, GateConfig.NONE, null, null);
    }

    /** The suite's name. */
    public String suite() {
        return record.suite();
    }

    /** The run's id, the one {@code evalgate runs} lists when the run was stored. */
    public String runId() {
        return record.runId();
    }

    /** The target ids, in the order they were added. */
    public List<String> targets() {
        return run.metrics().stream().map(TargetMetrics::targetId).toList();
    }

    /** The metrics of one target, as the run summary prints them. */
    public TargetMetrics metrics(String target) {
        return run.metrics().stream().filter(m -> m.targetId().equals(target)).findFirst()
                .orElseThrow(() -> new ConfigException("evaluation '" + suite() + "' has no target '" + target
                        + "'; its targets are " + targets()));
    }

    /** Passed cases over all cases of {@code target}, 0 to 1. */
    public double passRate(String target) {
        return metrics(target).passRate();
    }

    /** The 95th percentile latency of {@code target}'s live calls in milliseconds; NaN when none was timed. */
    public double p95Millis(String target) {
        return metrics(target).latency().n() == 0 ? Double.NaN : metrics(target).latency().p95();
    }

    /** The mean cost of one call of {@code target} in USD, or null when any call's cost is unknown. */
    public Double costPerRequest(String target) {
        return metrics(target).cost().perRequestUsd();
    }

    /** The run summary as Markdown, the same text written to {@code target/evalgate/<suite>.md}. */
    public String markdown() {
        return MarkdownReport.of(run);
    }
}
