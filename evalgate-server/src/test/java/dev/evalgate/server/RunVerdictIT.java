package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict of stored runs under the gate in their own config snapshot, served by a real dashboard. */
class RunVerdictIT {

    private static final int CASES = 200;
    // Config snapshots as `evalgate run` stores them: the suite file as JSON, values as text, secrets masked.
    private static final String ABSOLUTE = """
            {"suite": "gated", "dataset": "cases.jsonl", "gate": {"absolute": {"pass_rate": ">= 0.9"}}}""";
    private static final String MARGIN = """
            {"suite": "gated", "gate": {"baseline": {"pass_rate": {"margin": "0.05"}}}}""";
    private static final String MASKED = """
            {"suite": "gated", "gate": {"absolute": {"pass_rate": "***"}}}""";

    @TempDir
    static Path dir;
    private static Store store;
    private static DashboardServer server;
    private static Http http;

    /** Every run: keywords passes every even case; mini passes cases below the count given. */
    @BeforeAll
    static void writeRunsAndStart() {
        store = Store.open(dir.resolve("evalgate.db").toString());
        SyntheticRuns.withConfig(store, "gated", "absolute", CASES, ABSOLUTE, passing(100));
        SyntheticRuns.withConfig(store, "gated", "no-gate", CASES, "{\"suite\": \"gated\"}", passing(100));
        SyntheticRuns.withConfig(store, "gated", "masked", CASES, MASKED, passing(100));
        SyntheticRuns.withConfig(store, "gated", "before", CASES, MARGIN, passing(180));
        SyntheticRuns.withConfig(store, "gated", "after", CASES, MARGIN, passing(100));
        server = DashboardServer.start(store, ServerOptions.local());
        http = Http.to(server);
    }

    private static SyntheticRuns.Plan passing(int mini) {
        return (t, i) -> t == 0 ? i < mini : i % 2 == 0;
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static List<String> lines(JsonNode verdict) {
        List<String> lines = new ArrayList<>();
        verdict.get("lines").forEach(l -> lines.add(l.get("verdict").asText() + " " + l.get("text").asText()));
        return lines;
    }

    @Test
    void a_run_whose_gate_fails_shows_verdict_fail_with_the_gates_lines() {
        JsonNode view = http.json("/api/runs/absolute");

        JsonNode verdict = view.get("verdict");
        assertThat(verdict.get("status").asText()).isEqualTo("FAIL");
        assertThat(verdict.get("failsBuild").asBoolean()).isTrue();
        assertThat(lines(verdict)).containsExactly(
                "FAIL gated/mini pass rate is 0.500, but expected minimum is 0.900",
                "FAIL gated/keywords pass rate is 0.500, but expected minimum is 0.900");
        assertThat(view.get("verdictNote").isNull()).isTrue();
    }

    @Test
    void a_run_without_a_gate_has_no_verdict_and_a_note_saying_why() {
        JsonNode view = http.json("/api/runs/no-gate");

        assertThat(view.get("verdict").isNull()).isTrue();
        assertThat(view.get("verdictNote").asText()).isEqualTo("run no-gate's config has no gate with limits, so"
                + " there is no verdict; add one to the suite file, e.g."
                + " gate: { absolute: { pass_rate: \">= 0.85\" } }");
    }

    @Test
    void a_gate_that_cannot_be_read_leaves_no_verdict_and_names_the_key() {
        JsonNode view = http.json("/api/runs/masked");

        assertThat(view.get("verdict").isNull()).isTrue();
        assertThat(view.get("verdictNote").asText()).isEqualTo("the gate in run masked's config cannot be read:"
                + " run masked config:1: key 'gate.absolute.pass_rate' must be a limit such as \">= 0.85\", but is"
                + " '***'");
    }

    @Test
    void compare_checks_the_heads_margins_against_the_base_run() {
        JsonNode verdict = http.json("/api/compare?base=before&head=after").get("verdict");

        assertThat(verdict.get("status").asText()).isEqualTo("FAIL");
        assertThat(lines(verdict)).hasSize(2);
        assertThat(lines(verdict).get(0)).startsWith("FAIL gated/mini pass rate change is -0.400, but expected minimum"
                + " is -0.050");
        assertThat(lines(verdict).get(1)).startsWith("PASS gated/keywords pass rate change is 0.000");
    }

    @Test
    void a_run_alone_under_a_gate_of_margins_only_has_no_verdict_rather_than_a_pass_over_nothing() {
        JsonNode view = http.json("/api/runs/after");

        assertThat(view.get("verdict").isNull()).isTrue();
        assertThat(view.get("verdictNote").asText())
                .startsWith("the gate has only margins against a baseline, and no baseline was given");
    }
}
