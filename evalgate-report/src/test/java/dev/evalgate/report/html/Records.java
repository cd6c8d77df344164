package dev.evalgate.report.html;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.score.Outcome;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Hand-made run records for the view tests: each case written out, so every expected number can be counted. */
final class Records {

    private Records() {
    }

    static CaseRecord pass(String id, String label, double latencyMs, Double cost) {
        return new CaseRecord(id, Outcome.PASS, 1, 1, latencyMs, 10L, 2L, cost, label, label, Map.of());
    }

    static CaseRecord fail(String id, String expected, String output, double latencyMs, Double cost) {
        return new CaseRecord(id, Outcome.FAIL, 0, 0, latencyMs, 10L, 2L, cost, expected, output, Map.of());
    }

    static CaseRecord error(String id, String expected, Double cost) {
        return new CaseRecord(id, Outcome.ERROR, 0, 0, Double.NaN, null, null, cost, expected,
                "ERROR timeout: no answer in 30 s", Map.of());
    }

    static CaseRecord tagged(CaseRecord c, Map<String, String> tags) {
        return new CaseRecord(c.caseId(), c.outcome(), c.passFraction(), c.score(), c.latencyMs(), c.tokensIn(),
                c.tokensOut(), c.costUsd(), c.expected(), c.output(), tags);
    }

    static TargetRecord target(String id, CaseRecord... cases) {
        return new TargetRecord(id, Arrays.asList(cases));
    }

    static RunRecord run(String runId, List<String> scorers, List<String> slices, TargetRecord... targets) {
        List<RunRecord.TargetSpec> specs = Arrays.stream(targets)
                .map(t -> new RunRecord.TargetSpec(t.target(), "{\"id\":\"" + t.target() + "\"}")).toList();
        return new RunRecord(runId, "routing", "ab".repeat(32), scorers, specs, Arrays.asList(targets), slices);
    }
}
