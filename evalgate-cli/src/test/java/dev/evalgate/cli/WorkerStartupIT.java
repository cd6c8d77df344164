package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A command worker's start-up (its runtime starting, its model loading) is never timed as a call. */
class WorkerStartupIT {

    /** Sleeps 1.5 s before it reads anything, like a worker loading a model, then answers at once. */
    private static final String SLOW_START_WORKER = """
            import java.io.BufferedReader;
            import java.io.InputStreamReader;
            import java.nio.charset.StandardCharsets;

            public class SlowStart {
                public static void main(String[] args) throws Exception {
                    Thread.sleep(1500);
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    while (in.readLine() != null) {
                        System.out.println("{\\"output\\":\\"ok\\"}");
                        System.out.flush();
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void the_first_calls_of_every_worker_are_timed_without_its_start_up() throws IOException {
        Files.writeString(dir.resolve("SlowStart.java"), SLOW_START_WORKER);
        StringBuilder cases = new StringBuilder();
        for (int n = 0; n < 12; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"ok\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path suite = Files.writeString(dir.resolve("evalgate.yaml"), """
                suite: slow-start
                dataset: cases.jsonl
                targets:
                  - id: worker
                    type: command
                    command: ["%s", "-XX:TieredStopAtLevel=1", "SlowStart.java"]
                    workers: 3
                scorers: [ equals ]
                """.formatted(java));
        Path results = dir.resolve("results.json");

        Cli cli = Cli.run("run", suite.toString(), "--no-store", "--quiet", "--output", results.toString());

        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        List<Double> latencies = new ArrayList<>();
        json.get("cases").forEach(c -> c.get("samples").forEach(s -> latencies.add(s.get("latency_ms").asDouble())));
        assertThat(latencies).hasSize(12).allSatisfy(ms -> assertThat(ms).as("every call, the first of each worker"
                + " too, is timed without the 1.5 s start-up").isLessThan(1000));
        JsonNode latency = json.get("metrics").get(0).get("latency");
        assertThat(latency.get("max").asDouble()).isLessThan(1000);
        assertThat(json.get("metrics").get(0).get("passed").asInt()).isEqualTo(12);
    }
}
