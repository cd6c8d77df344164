package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --resume}: what it refuses, and what the files it writes hold. */
class ResumeIT {

    private static final int CASES = 10;

    @TempDir
    Path dir;

    FixedLatencyServer server;
    Path suite;
    Path dataset;

    @BeforeEach
    void setUp() throws IOException {
        String reply = "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
        server = FixedLatencyServer.start(Duration.ZERO, body -> reply);
        StringBuilder cases = new StringBuilder();
        for (int n = 0; n < CASES; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"ok\"}\n");
        }
        dataset = Files.writeString(dir.resolve("cases.jsonl"), cases);
        suite = Files.writeString(dir.resolve("evalgate.yaml"), """
                suite: resumed
                dataset: cases.jsonl
                targets:
                  - { id: a, type: openai, base_url: "%1$s", model: m, per_request: 0 }
                  - { id: b, type: openai, base_url: "%1$s", model: m, per_request: 0, temperature: 0.5 }
                scorers: [ equals ]
                """.formatted(server.url("/v1")));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void resuming_over_a_changed_dataset_is_refused_before_any_call() throws IOException {
        Cli first = Cli.run("run", suite.toString(), "--quiet");
        assertThat(first.exitCode()).as(first.err()).isZero();
        int calls = server.requestCount();
        Files.writeString(dataset, "{\"id\":\"new\",\"input\":\"q\",\"expected\":\"ok\"}\n", StandardOpenOption.APPEND);

        Cli resumed = Cli.run("run", suite.toString(), "--resume", "last", "--no-cache");

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCode.USAGE);
        Matcher id = Pattern.compile("Stored as run (\\S+) ").matcher(first.out());
        assertThat(id.find()).isTrue();
        assertThat(resumed.err().strip()).startsWith("error: --resume last: the dataset " + dataset
                + " changed since run " + id.group(1).replaceAll("[.;]$", "") + " started (sha256 ")
                .contains("resuming would mix old and new cases. Restore the file to resume, or start a new run"
                        + " without --resume.")
                .doesNotContain("\tat ");
        assertThat(server.requestCount()).as("no target was called").isEqualTo(calls);
    }

    @Test
    void a_resumed_run_writes_every_case_of_the_run_to_its_results_and_junit_files() throws IOException {
        Cli first = Cli.run("run", suite.toString(), "--quiet");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path results = dir.resolve("r.json");
        Path junit = dir.resolve("j.xml");

        Cli resumed = Cli.run("run", suite.toString(), "--resume", "last", "--output", results.toString(),
                "--junit", junit.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(2 * CASES + " target-case results already stored are skipped");
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        List<String> keys = new ArrayList<>();
        json.get("cases").forEach(c -> keys.add(c.get("target").asText() + "/" + c.get("id").asText()));
        assertThat(keys).hasSize(2 * CASES).doesNotHaveDuplicates();
        assertThat(json.get("metrics").get(0).get("cases").asInt()).isEqualTo(CASES);
        String xml = Files.readString(junit);
        assertThat(Pattern.compile("<testcase ").matcher(xml).results().count()).isEqualTo(2 * CASES);
    }
}
