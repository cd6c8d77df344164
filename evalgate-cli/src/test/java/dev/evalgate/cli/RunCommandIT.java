package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandIT {

    @TempDir
    Path dir;

    /** A store in the test's folder, so tests never write into the example's own folder. */
    private String store() {
        return dir.resolve("store.db").toString();
    }

    private static Path example() {
        Path suite = Path.of("..", "examples", "support-routing", "evalgate.yaml");
        assertThat(suite).exists();
        return suite;
    }

    @Test
    void the_example_suite_runs_offline_and_prints_a_row_per_target() throws IOException {
        Path results = dir.resolve("results.json");
        Cli cli = Cli.run("run", example().toString(), "--store", store(), "--quiet", "--output", results.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Suite support-routing: 240 cases (all cases) x 5 targets")
                .contains("majority").contains("embeddings").contains("hand-rules").contains("Classification")
                .contains("Pass rate by channel");
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("evalgate.results");
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("cases")).hasSize(1200);
        assertThat(json.get("metrics")).hasSize(5);
        JsonNode basic = json.get("metrics").get(0);
        long passedCases = 0;
        for (JsonNode c : json.get("cases")) {
            if (c.get("target").asText().equals(basic.get("target_id").asText()) && c.get("outcome").asText().equals("PASS")) {
                passedCases++;
            }
        }
        assertThat(basic.get("passed").asLong()).isEqualTo(passedCases);
        assertThat(json.get("run").get("dataset_sha256").asText()).hasSize(64);
    }

    @Test
    void limit_and_target_select_what_runs() {
        Cli cli = Cli.run("run", example().toString(), "--store", store(), "--quiet", "--limit", "10", "--target", "tfidf");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("10 cases (first 10) x 1 target").doesNotContain("hand-rules");
    }

    @Test
    void names_the_check_command_after_a_run_unless_quiet() {
        Cli plain = Cli.run("run", example().toString(), "--store", store(), "--limit", "5", "--target", "embeddings",
                "--target", "keywords");
        Cli quiet = Cli.run("run", example().toString(), "--store", store(), "--quiet", "--limit", "5",
                "--target", "keywords");

        assertThat(plain.out()).contains("Apply the suite's gate with: evalgate check ");
        assertThat(quiet.out()).contains("Stored as run ").doesNotContain("Apply the suite's gate");
    }

    @Test
    void a_run_that_leaves_out_the_gated_target_says_so_instead_of_naming_check() {
        Cli cli = Cli.run("run", example().toString(), "--store", store(), "--limit", "5", "--target", "keywords");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("The suite's gate covers embeddings, which this run did not run; include it"
                + " (--target embeddings) to apply the gate with evalgate check").doesNotContain("Apply the suite's gate");
    }

    @Test
    void an_unknown_target_is_a_usage_error_with_a_suggestion() {
        Cli cli = Cli.run("run", example().toString(), "--store", store(), "--target", "keywrds");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--target keywrds: the suite ").contains("has no target 'keywrds'."
                + " Did you mean 'keywords'? Its targets: majority, keywords, tfidf, embeddings, hand-rules.");
    }

    @Test
    void a_misspelt_key_exits_2_with_one_message_naming_file_line_key_and_nearest_key() throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"input\":\"a\",\"expected\":\"a\"}\n");
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: typo
                dataset: cases.jsonl
                targets:
                  - id: echo
                    type: command
                    command: [cat]
                    concurency: 2
                scorers: [equals]
                """);

        Cli cli = Cli.run("run", suite.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).isEqualTo("error: " + suite + ":7: unknown key 'targets[0].concurency'. Did you mean"
                + " 'concurrency'? Valid keys here: id, type, prompt, transform, concurrency, rpm, timeout, retries,"
                + " model, input_per_mtok, output_per_mtok, per_request, requires_env, command, cwd, env, workers,"
                + " startup_timeout, cache.\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void a_missing_suite_file_is_a_usage_error_without_a_stack_trace() {
        Cli cli = Cli.run("run", dir.resolve("nope.yaml").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("file not found").doesNotContain("at dev.evalgate");
    }

    @Test
    void conflicting_flags_are_a_usage_error() {
        Cli cli = Cli.run("run", example().toString(), "--store", store(), "--limit", "5", "--sample", "5");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).isEqualTo("error: --limit and --sample cannot be used together; pick one\n");
    }

    @Test
    void a_stratified_sample_runs_the_requested_number_of_cases() {
        Cli cli = Cli.run("run", example().toString(), "--store", store(), "--quiet", "--sample", "40", "--seed", "3",
                "--target", "tfidf");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("40 cases (stratified sample of 40 (seed 3)) x 1 target");
    }

    @Test
    void version_prints_the_tool_version() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("evalgate ");
    }

    @Test
    void a_bad_gate_exits_2_with_its_line_before_any_target_is_started() throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"input\":\"a\",\"expected\":\"a\"}\n");
        Path started = dir.resolve("started");
        Path suite = dir.resolve("evalgate.yaml");
        String head = """
                suite: gated
                dataset: cases.jsonl
                targets:
                  - id: echo
                    type: command
                    command: [sh, -c, "touch '%s'; exec cat"]
                scorers: [equals]
                gate:
                """.formatted(started);
        for (String gate : new String[] {"  absolute: { pass_rate: \">= 1.5\" }", "  absolute: { pas_rate: \">= 0.5\" }",
                "  absolute: { pass_rate: \">== 0.5\" }", "  baseline: { pass_rate: { margin: \"ten percent\" } }",
                "  inconclusive: maybe", "  targets: [ecko]"}) {
            Files.writeString(suite, head + gate + "\n");

            Cli cli = Cli.run("run", suite.toString(), "--store", store());

            assertThat(cli.exitCode()).as(gate + cli.err()).isEqualTo(ExitCode.USAGE);
            assertThat(cli.err()).as(gate).startsWith("error: " + suite + ":9: ").contains("'gate.");
        }
        assertThat(started).doesNotExist();
        assertThat(Path.of(store())).doesNotExist();
    }
}
