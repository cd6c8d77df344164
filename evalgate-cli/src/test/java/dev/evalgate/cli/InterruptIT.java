package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C on a real {@code evalgate run} process: it stops cleanly, prints what finished and saves it. */
class InterruptIT {

    @TempDir
    Path dir;

    @Test
    void ctrl_c_ends_the_run_cleanly_with_a_summary_marked_incomplete() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int n = 1; n <= 200; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"ok\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        CountDownLatch tenArrived = new CountDownLatch(10);
        String reply = "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
        try (LoopbackServer server = LoopbackServer.start().respondWith(r -> {
            tenArrived.countDown();
            return ScriptedResponse.json(200, reply).after(Duration.ofMillis(100));
        })) {
            Path suite = dir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: slow
                    dataset: cases.jsonl
                    targets:
                      - { id: slow-llm, type: openai, base_url: "%s", model: m, per_request: 0 }
                    scorers: [ equals ]
                    run: { concurrency: 2 }
                    """.formatted(server.url("/v1")));
            Path results = dir.resolve("results.json");
            String java = ProcessHandle.current().info().command().orElse("java");
            // A JVM started with SIGINT ignored (as a background shell leaves it for its children) never installs
            // its Ctrl-C handler; 'env --default-signal' gives the child a terminal's default disposition, so the
            // test does not depend on how its own JVM was started.
            Process process = new ProcessBuilder("env", "--default-signal=INT", java, "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "run", suite.toString(),
                    "--output", results.toString())
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            try {
                assertThat(tenArrived.await(60, TimeUnit.SECONDS)).as("the run started calling the server").isTrue();
                // the shell's own kill: no separate kill binary needs to be installed
                new ProcessBuilder("bash", "-c", "kill -INT " + process.pid()).start().waitFor();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended after Ctrl-C").isTrue();
            } finally {
                process.destroyForcibly();
            }

            String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(out + Files.readString(dir.resolve("stderr.txt"))).isEqualTo(130);
            assertThat(out).contains("[INCOMPLETE: stopped before the end]").contains("slow-llm");
            JsonNode json = new ObjectMapper().readTree(results.toFile());
            assertThat(json.get("complete").asBoolean()).isFalse();
            List<JsonNode> written = json.get("cases").valueStream().toList();
            assertThat(written).hasSizeBetween(1, 199);
            Set<String> ids = new HashSet<>();
            written.forEach(c -> assertThat(ids.add(c.get("id").asText())).as("each case once").isTrue());
            assertThat(json.get("metrics").get(0).get("cases").asLong()).isEqualTo(written.size());
        }
    }
}
