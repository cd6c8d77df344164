package dev.evalgate.store;

import dev.evalgate.run.HarnessOverhead;
import dev.evalgate.run.RunInfo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run as the store keeps it: its summary, its provenance, the redacted config and each target's metrics.
 *
 * @param configSnapshot the suite config as it was, secrets removed by the caller of {@link Store#begin}
 * @param metricsJson    target id → that target's {@code TargetMetrics} as JSON (NaN written as null), in target
 *                       order; empty until the run finished
 * @param harness        the time evalgate added per call in this run; null when it was not measured
 */
public record StoredRun(RunSummary summary, RunInfo info, String configSnapshot, Map<String, String> metricsJson,
                        HarnessOverhead harness) {

    /** A stored run whose harness overhead was not measured. */
    public StoredRun(RunSummary summary, RunInfo info, String configSnapshot, Map<String, String> metricsJson) {
        this(summary, info, configSnapshot, metricsJson, null);
    }

    public StoredRun {
        metricsJson = Collections.unmodifiableMap(new LinkedHashMap<>(metricsJson));
    }

    public String runId() {
        return summary.runId();
    }

    public RunStatus status() {
        return summary.status();
    }
}
