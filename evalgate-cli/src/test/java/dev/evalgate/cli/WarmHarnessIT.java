package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warming the harness before a run against a loopback OpenAI-compatible server: the real endpoint receives exactly
 * one request per case, and the run says what it warmed and what the harness adds per call, everywhere a run's
 * figures go.
 */
class WarmHarnessIT {

    private static final int CASES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final LoopbackServer server = LoopbackServer.start().respondWith(request -> ScriptedResponse.json(200, """
            {"choices": [{"message": {"role": "assistant", "content": "yes"}}],
             "usage": {"prompt_tokens": 3, "completion_tokens": 1}}"""));

    @AfterEach
    void stop() {
        server.close();
    }

    private Path suite(String run) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 1; i <= CASES; i++) {
            cases.append("{\"id\":\"c").append(i).append("\",\"input\":\"question ").append(i)
                    .append("\",\"expected\":\"yes\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: warm
                dataset: cases.jsonl
                targets:
                  - { id: llm, type: openai, base_url: "%s", model: m, concurrency: 8, retries: 0 }
                scorers: [ equals ]
                %s
                """.formatted(server.url("/v1"), run));
        return suite;
    }

    @Test
    void the_real_endpoint_gets_one_request_per_case_and_the_overhead_is_reported_everywhere() throws IOException {
        Path suite = suite("");
        Path results = dir.resolve("results.json");
        Path store = dir.resolve("runs.db");

        Cli run = Cli.run("run", suite.toString(), "--store", store.toString(), "-o", results.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.requestCount()).isEqualTo(CASES);
        assertThat(run.err()).containsOnlyOnce("warm-up: harness warmed in ")
                .contains("calls to loopback stand-ins, nothing billed");
        assertThat(run.out()).containsPattern("note: harness adds [0-9.]+ ms at p95 per call \\(p50 [0-9.]+ ms, "
                + "loopback, [0-9]+ calls\\)");

        JsonNode overhead = JSON.readTree(results.toFile()).get("harness_overhead");
        assertThat(overhead.get("path").asText()).isEqualTo("loopback");
        assertThat(overhead.get("calls").asInt()).isBetween(20, 50);
        assertThat(overhead.get("p95_ms").asDouble()).isGreaterThanOrEqualTo(overhead.get("p50_ms").asDouble());

        Path html = dir.resolve("report.html");
        Cli report = Cli.run("report", "last", "--store", store.toString(), "--config", suite.toString(),
                "--html", html.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(view(html).get("harness").asText()).startsWith("harness adds ")
                .containsPattern("loopback, [0-9]+ calls");
    }

    @Test
    void switched_off_by_flag_or_suite_there_is_no_warm_up_line_and_no_figure() throws IOException {
        Path results = dir.resolve("results.json");

        Cli byFlag = Cli.run("run", suite("").toString(), "--no-store", "--no-warm-harness",
                "-o", results.toString());
        Cli bySuite = Cli.run("run", suite("run: { warm_harness: false }").toString(), "--no-store");

        for (Cli cli : new Cli[] {byFlag, bySuite}) {
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.err()).doesNotContain("warm-up:");
            assertThat(cli.out()).doesNotContain("harness adds");
        }
        assertThat(server.requestCount()).isEqualTo(2 * CASES);
        assertThat(JSON.readTree(results.toFile()).get("harness_overhead").isNull()).isTrue();
    }

    private static JsonNode view(Path html) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"evalgate-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(Files.readString(html));
        assertThat(m.find()).isTrue();
        return JSON.readTree(m.group(1));
    }
}
