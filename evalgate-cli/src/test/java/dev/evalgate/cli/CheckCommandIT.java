package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandIT {

    private static final String GATE = """
            gate:
              absolute: { pass_rate: ">= 0.5" }
              baseline: { pass_rate: { margin: 0.05 } }
            """;

    @TempDir
    Path dir;

    /** A suite whose store is the default one beside it; its API key is unset, which a gate check must not mind. */
    private Path suite(String gate) throws IOException {
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: history
                dataset: cases.jsonl
                targets:
                  - id: bot
                    type: openai
                    model: gpt-test
                    api_key: "${EVALGATE_TEST_SURELY_UNSET_KEY}"
                scorers: [equals]
                """ + gate);
        return suite;
    }

    private Path store() {
        return dir.resolve(".evalgate/evalgate.db");
    }

    private static List<String> checkLines(String out) {
        return Stream.of(out.split("\\R")).filter(l -> l.matches("(PASS|INCONCLUSIVE|FAIL).*")).toList();
    }

    @Test
    void check_exits_100_on_a_regression_beyond_the_margin() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1-base", 200, i -> i % 10 != 0);
        StoredRuns.write(store(), "run-2-head", 200, i -> i % 10 > 3);

        Cli cli = Cli.run("check", "--config", suite.toString(), "--baseline", "run-1-base");

        assertThat(cli.exitCode()).as(cli.err() + cli.out()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(cli.out()).contains("Gate of suite history on run run-2-head against run-1-base")
                .contains("PASS               history/bot pass rate is 0.600, within minimum 0.500")
                .contains("FAIL               history/bot pass rate change is -0.300, but expected minimum is -0.050")
                .contains("note: history/bot pass rate: with 200 paired cases")
                .contains("verdict: FAIL (fails the build)");
    }

    @Test
    void check_exits_0_when_the_runs_are_equal() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1-base", 200, i -> i % 10 != 0);
        StoredRuns.write(store(), "run-2-head", 200, i -> i % 10 != 0);

        Cli cli = Cli.run("check", "last", "--config", suite.toString(), "--baseline", "run-1-base");

        assertThat(cli.exitCode()).as(cli.err() + cli.out()).isZero();
        assertThat(checkLines(cli.out())).hasSize(2).allMatch(l -> l.startsWith("PASS "));
        assertThat(cli.out()).contains("verdict: PASS");
    }

    @Test
    void a_small_suite_is_inconclusive_and_passes_the_build_when_inconclusive_warns() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1-base", 10, i -> true);
        StoredRuns.write(store(), "run-2-head", 10, i -> i != 7);

        Cli cli = Cli.run("check", "run-2-head", "--config", suite.toString(), "--baseline", "run-1-base");

        assertThat(cli.exitCode()).as(cli.err() + cli.out()).isZero();
        assertThat(cli.out()).contains("INCONCLUSIVE       history/bot pass rate change is -0.100, inconclusive")
                .contains("larger than the margin 0.050: the suite is too small for it")
                .contains("verdict: INCONCLUSIVE");
    }

    @Test
    void inconclusive_fails_the_build_when_the_gate_says_so() throws IOException {
        Path suite = suite(GATE + "  inconclusive: fail\n");
        StoredRuns.write(store(), "run-1-base", 10, i -> true);
        StoredRuns.write(store(), "run-2-head", 10, i -> i != 7);

        Cli cli = Cli.run("check", "--config", suite.toString(), "--baseline", "run-1-base");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(cli.out()).contains("verdict: INCONCLUSIVE (fails the build)");
    }

    @Test
    void a_saved_baseline_file_gives_the_same_verdict_as_the_stored_baseline_run() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1-base", 200, i -> i % 10 != 0);
        StoredRuns.write(store(), "run-2-head", 200, i -> i % 10 > 3);
        Path file = dir.resolve("baselines/main.json");
        Cli saved = Cli.run("baseline", "save", "run-1-base", file.toString(), "--store", store().toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();

        Cli fromRun = Cli.run("check", "run-2-head", "--config", suite.toString(), "--baseline", "run-1-base");
        Cli fromFile = Cli.run("check", "run-2-head", "--config", suite.toString(), "--baseline", file.toString());

        assertThat(fromFile.exitCode()).as(fromFile.err()).isEqualTo(fromRun.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(checkLines(fromFile.out())).isNotEmpty().isEqualTo(checkLines(fromRun.out()));
    }

    @Test
    void markdown_and_junit_reports_lead_with_the_verdict() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1-base", 200, i -> i % 10 != 0);
        StoredRuns.write(store(), "run-2-head", 200, i -> i % 10 > 3);
        Path md = dir.resolve("gate.md");
        Path junit = dir.resolve("gate.xml");

        Cli cli = Cli.run("check", "--config", suite.toString(), "--baseline", "run-1-base", "--markdown",
                md.toString(), "--junit", junit.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        String markdown = Files.readString(md);
        assertThat(markdown.lines().findFirst().orElseThrow())
                .isEqualTo("### evalgate gate: **FAIL** (fails the build) — run run-2-head against run-1-base");
        assertThat(markdown).contains("| FAIL | history/bot pass rate change is -0.300")
                .contains("bot: 60 regressed, 0 fixed").contains("| regressed | c001 | yes | yes | no |");
        assertThat(Files.readString(junit)).contains("tests=\"2\" failures=\"1\"")
                .contains("<testcase classname=\"history/bot\" name=\"pass rate change\">");
    }

    @Test
    void json_report_holds_the_verdict_and_every_check_with_its_line() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1-base", 200, i -> i % 10 != 0);
        StoredRuns.write(store(), "run-2-head", 200, i -> i % 10 > 3);
        Path json = dir.resolve("reports/gate.json");

        Cli cli = Cli.run("check", "--config", suite.toString(), "--baseline", "run-1-base", "--json", json.toString());

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.GATE_FAILED);
        JsonNode gate = new ObjectMapper().readTree(json.toFile());
        assertThat(gate.path("suite").asText()).isEqualTo("history");
        assertThat(gate.path("runId").asText()).isEqualTo("run-2-head");
        assertThat(gate.path("baseRunId").asText()).isEqualTo("run-1-base");
        assertThat(gate.path("status").asText()).isEqualTo("FAIL");
        assertThat(gate.path("failsBuild").asBoolean()).isTrue();
        assertThat(gate.path("checks")).extracting(c -> c.path("name").asText() + " " + c.path("status").asText())
                .containsExactly("history/bot pass rate PASS", "history/bot pass rate change FAIL");
        assertThat(gate.path("checks").get(1).path("line").asText())
                .isEqualTo("history/bot pass rate change is -0.300, but expected minimum is -0.050");
    }

    @Test
    void json_report_of_a_passing_gate_without_baseline_has_no_base_run() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1", 50, i -> true);
        Path json = dir.resolve("gate.json");

        Cli cli = Cli.run("check", "--config", suite.toString(), "--json", json.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode gate = new ObjectMapper().readTree(json.toFile());
        assertThat(gate.path("status").asText()).isEqualTo("PASS");
        assertThat(gate.path("failsBuild").asBoolean()).isFalse();
        assertThat(gate.path("baseRunId").isNull()).isTrue();
        assertThat(gate.path("checks")).hasSize(1);
    }

    @Test
    void a_suite_without_a_gate_exits_2_with_an_example() throws IOException {
        Path suite = suite("");
        StoredRuns.write(store(), "run-1", 5, i -> true);

        Cli cli = Cli.run("check", "--config", suite.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("the suite has no 'gate:' section; add one, e.g.").contains("pass_rate:");
    }

    @Test
    void margins_without_a_baseline_are_noted_not_checked() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1", 50, i -> true);

        Cli cli = Cli.run("check", "--config", suite.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(checkLines(cli.out())).hasSize(1);
        assertThat(cli.out()).contains("note: no baseline given, so the margins against a baseline were not checked");
    }

    @Test
    void a_gated_target_the_suite_does_not_have_exits_2_with_the_nearest_id() throws IOException {
        Path suite = suite(GATE + "  targets: [bto]\n");
        StoredRuns.write(store(), "run-1", 50, i -> true);

        Cli cli = Cli.run("check", "--config", suite.toString());

        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains(suite + ":12: key 'gate.targets[0]' names no target of the suite: 'bto'."
                + " Did you mean 'bot'?");
        assertThat(cli.out()).doesNotContain("verdict");
    }

    @Test
    void a_run_without_the_gated_target_exits_2_naming_what_it_ran() throws IOException {
        Path suite = suite(GATE + "  targets: [other]\n");
        Files.writeString(suite, Files.readString(suite).replace("scorers:", """
                  - id: other
                    type: openai
                    model: gpt-test
                    api_key: "${EVALGATE_TEST_SURELY_UNSET_KEY}"
                scorers:"""));
        StoredRuns.write(store(), "run-1", 50, i -> true); // ran only bot

        Cli cli = Cli.run("check", "last", "--config", suite.toString());

        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("run run-1 has no results for gated target 'other' (it ran: bot); run it"
                + " with 'evalgate run --target other', or gate only the targets it ran under gate.targets");
        assertThat(cli.out()).doesNotContain("verdict: PASS");
    }

    @Test
    void a_gate_of_margins_only_without_a_baseline_exits_2_instead_of_passing() throws IOException {
        Path suite = suite("gate:\n  baseline: { pass_rate: { margin: 0.05 } }\n");
        StoredRuns.write(store(), "run-1", 50, i -> true);

        Cli cli = Cli.run("check", "--config", suite.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("no baseline was given").contains("--baseline");
        assertThat(cli.out()).doesNotContain("verdict: PASS");
    }

    @Test
    void without_config_and_without_a_suite_here_the_gate_comes_from_the_runs_stored_snapshot() throws IOException {
        // the test runs in the module folder, which has no evalgate.yaml
        assertThat(Path.of("evalgate.yaml")).doesNotExist();
        String snapshot = "{\"suite\":\"history\",\"targets\":[{\"id\":\"bot\",\"api_key\":\"***\"}],"
                + "\"gate\":{\"absolute\":{\"pass_rate\":\">= 0.9\"}}}";
        StoredRuns.writeWithSnapshot(store(), "run-1", 200, i -> i % 10 > 3, snapshot);

        Cli cli = Cli.run("check", "--store", store().toString());

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(cli.out()).startsWith("gate from run run-1's stored suite snapshot (no --config given)")
                .contains("FAIL               history/bot pass rate is 0.600, but expected minimum is 0.900");
    }

    @Test
    void a_stored_snapshot_without_a_gate_exits_2_and_asks_for_the_suite_file() {
        StoredRuns.write(store(), "run-1", 20, i -> true); // stored with a snapshot that has no gate

        Cli cli = Cli.run("check", "--store", store().toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("run run-1's stored suite snapshot has no 'gate:' section")
                .contains("--config <suite.yaml>");
    }

    @Test
    void an_explicit_config_that_does_not_exist_exits_2_with_its_absolute_path() {
        StoredRuns.write(store(), "run-1", 20, i -> true);

        Cli cli = Cli.run("check", "--config", "no/such/suite.yaml", "--store", store().toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--config " + Path.of("no/such/suite.yaml").toAbsolutePath())
                .contains("no such suite file");
    }

    @Test
    void a_relative_baseline_file_is_found_beside_the_suite() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1-base", 200, i -> i % 10 != 0);
        StoredRuns.write(store(), "run-2-head", 200, i -> i % 10 > 3);
        Cli saved = Cli.run("baseline", "save", "run-1-base", dir.resolve("baselines/main.json").toString(),
                "--store", store().toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();

        // the working directory is the module folder, not the suite's
        Cli cli = Cli.run("check", "run-2-head", "--config", suite.toString(), "--baseline", "baselines/main.json");

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(cli.out()).contains("against run-1-base");
    }

    @Test
    void a_missing_baseline_file_exits_2_naming_every_path_tried() throws IOException {
        Path suite = suite(GATE);
        StoredRuns.write(store(), "run-1", 20, i -> true);

        Cli cli = Cli.run("check", "--config", suite.toString(), "--baseline", "baselines/gone.json");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("baseline file baselines/gone.json not found; looked for "
                + Path.of("baselines/gone.json").toAbsolutePath() + " and " + dir.resolve("baselines/gone.json")
                .toAbsolutePath());
    }

    @Test
    void without_a_suite_file_a_relative_baseline_is_found_beside_the_default_store_of_the_run() throws IOException {
        String snapshot = "{\"suite\":\"history\",\"targets\":[{\"id\":\"bot\",\"api_key\":\"***\"}],"
                + "\"gate\":{\"absolute\":{\"pass_rate\":\">= 0.5\"},\"baseline\":{\"pass_rate\":{\"margin\":0.05}}}}";
        StoredRuns.writeWithSnapshot(store(), "run-1-base", 200, i -> i % 10 != 0, snapshot);
        StoredRuns.writeWithSnapshot(store(), "run-2-head", 200, i -> i % 10 > 3, snapshot);
        Cli saved = Cli.run("baseline", "save", "run-1-base", dir.resolve("evals/baseline.json").toString(),
                "--store", store().toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();

        // the working directory is the module folder: no suite file here, and no evals/ folder
        Cli cli = Cli.run("check", "run-2-head", "--store", store().toString(), "--baseline", "evals/baseline.json");

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(cli.out()).contains("gate from run run-2-head's stored suite snapshot").contains("against run-1-base");
    }
}
