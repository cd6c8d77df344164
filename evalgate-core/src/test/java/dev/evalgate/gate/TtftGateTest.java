package dev.evalgate.gate;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.score.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TtftGateTest {

    private static GateConfig config(String yaml) {
        return GateConfig.parse(YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of())));
    }

    /** n passing cases with latency 300 ms and the given time to first token (NaN: not streamed). */
    private static RunRecord run(String id, int n, IntToDoubleFunction ttft) {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(new CaseRecord(String.format("c%05d", i), Outcome.PASS, 1, 1, 300, 10L, 2L, 0.001, "yes", "yes",
                    Map.of(), ttft.applyAsDouble(i)));
        }
        return new RunRecord(id, "demo", "hash", List.of("label{}"), List.of(new RunRecord.TargetSpec("t", "{}")),
                List.of(new TargetRecord("t", cases)));
    }

    private static GateReport judge(String yaml, RunRecord head, RunRecord baseline) {
        return new SuiteGate(config(yaml)).evaluate(SuiteGate.Evidence.of(head, baseline, 1));
    }

    @Test
    void a_ttft_budget_is_read_like_the_latency_budget() {
        GateConfig gate = config("absolute: { ttft_p95_ms: \"<= 500\" }\nbaseline: { ttft_p95_ms: { margin: \"10%\" } }\n");

        assertThat(gate.budgets()).containsExactly(new GateConfig.Budget(GateConfig.Measure.TTFT_P95_MS, 500));
        assertThat(gate.margins()).containsExactly(new GateConfig.MarginSpec(GateConfig.Measure.TTFT_P95_MS, 0.10));
    }

    @Test
    void a_ttft_budget_written_as_a_minimum_says_how_to_write_it() {
        assertThatThrownBy(() -> config("absolute: { ttft_p95_ms: \">= 500\" }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'absolute.ttft_p95_ms' is a maximum, so it must be written \"<= 500\"");
        assertThatThrownBy(() -> config("absolute: { ttft_p95_ms: fast }\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"<= 500\"");
    }

    @Test
    void a_ttft_budget_passes_or_fails_on_the_p95_of_the_streamed_cases_not_on_latency() {
        RunRecord head = run("h", 200, i -> 40 + i % 50);

        GateReport pass = judge("absolute: { ttft_p95_ms: \"<= 150\" }\n", head, null);
        GateReport fail = judge("absolute: { ttft_p95_ms: \"<= 60\" }\n", head, null);

        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(pass.checks().getFirst().actual()).isEqualTo(87.0);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.checks().getFirst().measure()).isEqualTo("ttft p95 ms");
    }

    @Test
    void a_ttft_budget_over_a_run_that_did_not_stream_cannot_be_judged_and_says_how_to_stream() {
        GateReport report = judge("absolute: { ttft_p95_ms: \"<= 150\" }\n", run("h", 200, i -> Double.NaN), null);

        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.checks().getFirst().message()).contains("cannot be judged").contains("stream: true");
    }

    @Test
    void a_ttft_margin_fails_a_head_whose_first_token_came_much_later() {
        RunRecord base = run("b", 300, i -> 40 + i % 20);
        RunRecord slower = run("h", 300, i -> 80 + i % 20);
        String gate = "baseline: { ttft_p95_ms: { margin: \"10%\" } }\n";

        assertThat(judge(gate, slower, base).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judge(gate, base, base).verdict()).isEqualTo(Verdict.PASS);
    }
}
