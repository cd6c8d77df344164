package dev.evalgate.cli;

import dev.evalgate.store.RunFilter;
import dev.evalgate.store.RunStatus;
import dev.evalgate.store.Store;
import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A real {@code evalgate run} process killed with SIGKILL mid-run is resumed: every case exactly once. */
class ResumeAfterKillIT {

    private static final int CASES = 300;

    @TempDir
    Path dir;

    @Test
    void a_run_killed_mid_way_resumes_under_its_id_with_every_case_exactly_once() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int n = 0; n < CASES; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"ok\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        CountDownLatch enough = new CountDownLatch(100);
        String reply = "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ofMillis(20), body -> {
            enough.countDown();
            return reply;
        })) {
            Path suite = dir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: killed
                    dataset: cases.jsonl
                    targets:
                      - { id: a, type: openai, base_url: "%1$s", model: m, per_request: 0 }
                      - { id: b, type: openai, base_url: "%1$s", model: m, per_request: 0, temperature: 0.5 }
                    scorers: [ equals ]
                    run: { concurrency: 4 }
                    """.formatted(server.url("/v1")));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", suite.toString(), "--quiet")
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            try {
                assertThat(enough.await(60, TimeUnit.SECONDS)).as("the run got going").isTrue();
                process.destroyForcibly(); // SIGKILL on Unix: no chance to flush or finish
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).isEqualTo(137);
            int callsBeforeKill = server.requestCount();
            assertThat(callsBeforeKill).isLessThan(2 * CASES);

            Cli resumed = Cli.run("run", suite.toString(), "--resume", "last", "--quiet", "--no-cache");

            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("Suite killed: 300 cases").contains("100.0% (300/300)");
        }
        try (Store store = Store.open(dir.resolve(".evalgate/evalgate.db").toString())) {
            var runs = store.runs(RunFilter.all());
            assertThat(runs).hasSize(1);
            assertThat(runs.getFirst().status()).isEqualTo(RunStatus.COMPLETE);
            try (var rows = store.caseResults(runs.getFirst().runId())) {
                Map<String, Long> perCase = rows.collect(Collectors.groupingBy(
                        r -> r.target() + "/" + r.caseId(), Collectors.counting()));
                assertThat(perCase).hasSize(2 * CASES).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
            }
        }
    }
}
