package dev.evalgate.cli;

import dev.evalgate.testkit.FixedLatencyServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The same commands against a team store: a real PostgreSQL started by the test. */
class PostgresStoreIT {

    private static final Pattern NUMBER = Pattern.compile("q(\\d+)");
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void run_rescore_compare_check_and_baseline_work_on_postgresql() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        AtomicInteger wrongEvery = new AtomicInteger(1000);
        StringBuilder cases = new StringBuilder();
        for (int n = 1; n <= 400; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"yes\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ZERO, body -> {
            Matcher m = NUMBER.matcher(body);
            int n = m.find() ? Integer.parseInt(m.group(1)) : 0;
            String answer = n % wrongEvery.get() == 0 ? "no" : "yes";
            return "{\"choices\":[{\"message\":{\"content\":\"" + answer + "\"}}],"
                    + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1}}";
        })) {
            Path suite = dir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: team
                    dataset: cases.jsonl
                    targets:
                      - { id: llm, type: openai, base_url: "%s", model: m, per_request: 0.001 }
                    scorers: [ equals ]
                    run: { concurrency: 8, retries: 0 }
                    gate:
                      absolute: { pass_rate: ">= 0.5" }
                      baseline: { pass_rate: { margin: 0.05 } }
                    """.formatted(server.url("/v1")));

            Cli base = Cli.run("run", suite.toString(), "--quiet", "--store", url);
            assertThat(base.exitCode()).as(base.err()).isZero();
            assertThat(base.out()).contains("100.0% (400/400)").contains("in jdbc:postgresql:");
            String baseId = runId(base.out());
            wrongEvery.set(5);
            Cli head = Cli.run("run", suite.toString(), "--quiet", "--store", url, "--no-cache");
            assertThat(head.exitCode()).as(head.err()).isZero();
            String headId = runId(head.out());

            Cli runs = Cli.run("runs", "--store", url);
            assertThat(runs.out()).contains(baseId).contains(headId);
            Cli compare = Cli.run("compare", baseId, headId, "--store", url);
            assertThat(compare.exitCode()).as(compare.err()).isZero();
            assertThat(compare.out()).contains("Regressed (passed in base, not in head): 80").contains("c10 ");
            Cli failing = Cli.run("check", headId, "--baseline", baseId, "--store", url, "--config", suite.toString());
            assertThat(failing.exitCode()).as(failing.out() + failing.err()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(failing.out()).contains("team/llm pass rate change is -0.200, but expected minimum is -0.050");
            Cli equal = Cli.run("check", baseId, "--baseline", baseId, "--store", url, "--config", suite.toString());
            assertThat(equal.exitCode()).as(equal.out() + equal.err()).isZero();

            Path baseline = dir.resolve("evals/baseline.json");
            assertThat(Cli.run("baseline", "save", baseId, baseline.toString(), "--store", url).exitCode()).isZero();
            Cli fromFile = Cli.run("check", headId, "--baseline", baseline.toString(), "--store", url,
                    "--config", suite.toString());
            assertThat(fromFile.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(fromFile.out()).contains("team/llm pass rate change is -0.200, but expected minimum is -0.050");

            String javaBin = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder viaEnvironment = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "runs").redirectErrorStream(true);
            viaEnvironment.environment().put("EVALGATE_STORE", url);
            Process listing = viaEnvironment.start();
            String listed = new String(listing.getInputStream().readAllBytes());
            assertThat(listing.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(listing.exitValue()).as(listed).isZero();
            assertThat(listed).as("EVALGATE_STORE selects the team store").contains(baseId).contains(headId);

            int calls = server.requestCount();
            Cli rescored = Cli.run("rescore", headId, "--store", url, "--config", suite.toString());
            assertThat(rescored.exitCode()).as(rescored.err()).isZero();
            assertThat(rescored.out()).contains("80.0% (320/400)").contains("rescored from run " + headId);
            assertThat(server.requestCount()).as("rescore calls no target").isEqualTo(calls);
        }
    }

    private static String runId(String out) {
        Matcher m = Pattern.compile("Stored as run (\\S+) in").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
