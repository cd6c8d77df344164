package dev.evalgate.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.compare.BaselineFile;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.SuiteGate;
import dev.evalgate.store.RunFilter;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.RunSummary;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteEvaluationTest {

    private static final String GATE = """
            absolute: { pass_rate: ">= 0.80" }
            baseline: { pass_rate: { margin: 0.05 } }""";

    @TempDir
    Path dir;

    @Test
    void runs_the_java_target_of_a_suite_file() throws Exception {
        Path yaml = SampleSuites.write(dir, "evalgate.yaml", "tenth", 10, false, GATE);

        EvalResult result = Evaluation.fromSuite(yaml).run();

        assertThat(result.suite()).isEqualTo("tenth");
        assertThat(result.passRate("router")).isEqualTo(0.9);
        assertThat(result.gate().margins()).hasSize(1);
    }

    @Test
    void stores_the_run_where_evalgate_run_would_so_evalgate_runs_lists_it() throws Exception {
        Path yaml = SampleSuites.write(dir, "evalgate.yaml", "tenth", 10, false, GATE);

        EvalResult result = Evaluation.fromSuite(yaml).run();

        Path db = dir.resolve(".evalgate/evalgate.db");
        assertThat(db).exists();
        assertThat(result.storedIn()).contains("evalgate.db");
        try (Store store = Store.open(db.toString())) {
            assertThat(store.runs(RunFilter.all())).extracting(RunSummary::runId).containsExactly(result.runId());
            // evalgate check <run> judges the stored run: it must read back as the record the test judged
            GateReport fromStore = gate(result, RunRecords.load(store, result.runId()));
            GateReport inMemory = gate(result, result.record());
            assertThat(fromStore).isEqualTo(inMemory);
        }
    }

    @Test
    void runs_only_the_cases_the_suites_run_options_select() throws Exception {
        Path yaml = SampleSuites.write(dir, "evalgate.yaml", "tenth", 10, false, GATE);
        Files.writeString(yaml, Files.readString(yaml) + "run: { limit: 50 }\n");

        EvalResult result = Evaluation.fromSuite(yaml).run();

        assertThat(result.record().target("router").orElseThrow().cases()).hasSize(50);
        assertThat(result.run().info().selection()).isEqualTo("first 50");
    }

    @Test
    void passes_its_own_gate_against_a_baseline_of_the_same_behaviour() throws Exception {
        Path yaml = SampleSuites.write(dir, "evalgate.yaml", "same", 10, false, GATE);
        Path baseline = dir.resolve("baseline.json");
        BaselineFile.write(Evaluation.fromSuite(yaml).run().record(), baseline);

        EvalResult again = Evaluation.fromSuite(yaml).run();

        assertThatCode(() -> EvalAssertions.assertThat(again).passesGate(baseline)).doesNotThrowAnyException();
        JsonNode verdict = new ObjectMapper().readTree(Path.of("target/evalgate/same-gate.json").toFile());
        assertThat(verdict.get("runId").asText()).isEqualTo(again.runId());
        assertThat(verdict.get("status").asText()).isEqualTo("PASS");
        assertThat(verdict.get("checks")).extracting(c -> c.get("name").asText())
                .containsExactly("same/router pass rate", "same/router pass rate change");
        assertThat(Path.of("target/evalgate/same-gate.md")).content().startsWith("### evalgate gate: **PASS**");
    }

    @Test
    void fails_with_exactly_the_gates_lines_when_accuracy_drops_past_the_margin() throws Exception {
        Path good = SampleSuites.write(dir, "evalgate.yaml", "drop", 10, false, GATE);
        Path baseline = dir.resolve("baseline.json");
        BaselineFile.write(Evaluation.fromSuite(good).run().record(), baseline);
        Path worse = SampleSuites.write(dir, "worse.yaml", "drop", 3, false, GATE);

        EvalResult dropped = Evaluation.fromSuite(worse).run();

        Throwable failure = catchFailure(() -> EvalAssertions.assertThat(dropped).passesGate(baseline));
        String[] lines = failure.getMessage().split("\n");
        assertThat(lines[0]).isEqualTo("Gate of suite drop on run " + dropped.runId() + " against "
                + BaselineFile.read(baseline).runId());
        assertThat(lines[2]).isEqualTo("FAIL               drop/router pass rate is 0.665, but expected minimum is"
                + " 0.800");
        assertThat(lines[3]).startsWith("FAIL               drop/router pass rate change is -0.235, but expected"
                + " minimum is -0.050");
        assertThat(lines[lines.length - 1]).isEqualTo("verdict: FAIL (fails the build)");
    }

    @Test
    void checks_every_margin_of_the_suite_gate_not_only_the_pass_rate() throws Exception {
        String errorMargin = "baseline: { error_rate: { margin: 0.02 } }";
        Path good = SampleSuites.write(dir, "evalgate.yaml", "errors", 10, false, errorMargin);
        Path baseline = dir.resolve("baseline.json");
        BaselineFile.write(Evaluation.fromSuite(good).run().record(), baseline);
        Path erroring = SampleSuites.write(dir, "erroring.yaml", "errors", 10, true, errorMargin);

        EvalResult result = Evaluation.fromSuite(erroring).run();

        // the same share of cases is wrong, so only the error-rate margin can see the change
        assertThat(result.passRate("router")).isEqualTo(0.9);
        assertThatThrownBy(() -> EvalAssertions.assertThat(result).noSignificantRegressionAgainst(baseline))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("FAIL               errors/router error rate change is 0.100, but expected"
                        + " maximum is 0.020");
    }

    @Test
    void says_how_to_add_a_gate_when_the_suite_has_none() throws Exception {
        Path yaml = SampleSuites.write(dir, "evalgate.yaml", "ungated", 10, false, "");
        Files.writeString(yaml, Files.readString(yaml).replace("gate:\n", ""));

        EvalResult result = Evaluation.fromSuite(yaml).run();

        assertThatThrownBy(() -> EvalAssertions.assertThat(result).passesGate())
                .hasMessageContaining("suite 'ungated' has no gate; add a 'gate:' section");
    }

    private static GateReport gate(EvalResult result, RunRecord record) {
        return new SuiteGate(result.gate()).evaluate(SuiteGate.Evidence.of(record, result.record(), 1));
    }

    private static Throwable catchFailure(Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionFailedError e) {
            return e;
        }
        throw new AssertionError("the gate passed, but was expected to fail");
    }
}
