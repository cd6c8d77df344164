package dev.evalgate.run;

import dev.evalgate.metric.TargetMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run produced: its provenance, the metrics of each target, and the first failures of each.
 *
 * @param complete false when the run was stopped (Ctrl-C, a data error) before every case finished
 * @param failures for each target, the first few cases that failed or errored, in completion order
 * @param harness  the time evalgate itself added per call, measured before the run; null when not measured
 */
public record RunResult(RunInfo info, Instant started, Duration elapsed, boolean complete,
                        List<TargetMetrics> metrics, Map<String, List<CaseResult>> failures,
                        HarnessOverhead harness) {

    /** A result whose harness overhead was not measured. */
    public RunResult(RunInfo info, Instant started, Duration elapsed, boolean complete,
                     List<TargetMetrics> metrics, Map<String, List<CaseResult>> failures) {
        this(info, started, elapsed, complete, metrics, failures, null);
    }

    public RunResult withHarness(HarnessOverhead value) {
        return new RunResult(info, started, elapsed, complete, metrics, failures, value);
    }
}
