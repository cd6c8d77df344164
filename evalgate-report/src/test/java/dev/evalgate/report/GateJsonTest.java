package dev.evalgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.gate.Bound;
import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.Verdict;
import dev.evalgate.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GateJsonTest {

    private static final GateCheck PASS_RATE = GateCheck.of("support/mini", "pass rate", 0.8,
            new Interval(0.7, 0.9), Bound.MINIMUM, 0.85, Verdict.FAIL);
    private static final GateCheck P95 = GateCheck.of("support/mini", "p95 latency ms", 120,
            new Interval(100, 140), Bound.MAXIMUM, 800, Verdict.PASS);

    @Test
    void writes_the_verdict_and_every_check_with_the_gates_own_line() throws Exception {
        GateReport report = new GateReport(List.of(PASS_RATE, P95), List.of("a note"), Verdict.FAIL, true);

        JsonNode json = new ObjectMapper().readTree(GateJson.of("support", "run-2", "run-1", report));

        assertThat(json.get("suite").asText()).isEqualTo("support");
        assertThat(json.get("runId").asText()).isEqualTo("run-2");
        assertThat(json.get("baseRunId").asText()).isEqualTo("run-1");
        assertThat(json.get("status").asText()).isEqualTo("FAIL");
        assertThat(json.get("failsBuild").asBoolean()).isTrue();
        assertThat(json.get("checks")).hasSize(2);
        JsonNode first = json.get("checks").get(0);
        assertThat(first.get("name").asText()).isEqualTo("support/mini pass rate");
        assertThat(first.get("status").asText()).isEqualTo("FAIL");
        assertThat(first.get("line").asText())
                .isEqualTo("support/mini pass rate is 0.800, but expected minimum is 0.850");
        assertThat(json.get("checks").get(1).get("status").asText()).isEqualTo("PASS");
        assertThat(json.get("notes").get(0).asText()).isEqualTo("a note");
    }

    @Test
    void keeps_the_key_order_stable_so_verdicts_diff_cleanly() {
        GateReport report = new GateReport(List.of(P95), List.of(), Verdict.PASS, false);

        String text = GateJson.of("support", "run-2", null, report);

        assertThat(text).containsSubsequence("\"suite\"", "\"runId\"", "\"baseRunId\"", "\"status\"",
                "\"failsBuild\"", "\"checks\"", "\"name\"", "\"status\"", "\"line\"", "\"notes\"");
        assertThat(text).contains("\"baseRunId\" : null").endsWith("}\n");
        assertThat(GateJson.of("support", "run-2", null, report)).isEqualTo(text);
    }

    @Test
    void names_the_verdicts_by_their_enum_names() throws Exception {
        GateCheck warned = GateCheck.of("s/t", "pass rate change", -0.01, new Interval(-0.02, 0), Bound.MINIMUM,
                -0.02, Verdict.PASS_WITH_WARNING);
        GateReport report = new GateReport(List.of(warned), List.of(), Verdict.PASS_WITH_WARNING, false);

        JsonNode json = new ObjectMapper().readTree(GateJson.of("s", "r", null, report));

        assertThat(json.get("status").asText()).isEqualTo("PASS_WITH_WARNING");
        assertThat(json.get("checks").get(0).get("line").asText()).endsWith(", but significantly worse than baseline");
        assertThat(json.get("failsBuild").asBoolean()).isFalse();
    }
}
