package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.dataset.Shard;
import dev.evalgate.metric.LatencyStats;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.store.RunStatus;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;
import dev.evalgate.store.StoredRun;
import dev.evalgate.testkit.FixedLatencyServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four {@code evalgate run --shard i/4} processes at once against one PostgreSQL, one killed with SIGKILL and
 * resumed: the merged run holds every case once and equals a run of one process.
 */
class ShardedRunIT {

    private static final int CASES = 240;
    private static final Pattern NUMBER = Pattern.compile("q(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void four_shards_with_one_killed_and_resumed_merge_into_the_run_one_process_makes() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        StringBuilder cases = new StringBuilder();
        for (int n = 0; n < CASES; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"yes\"")
                    .append(",\"tags\":{\"channel\":\"").append(n % 3 == 0 ? "email" : "chat").append("\"}}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        // counts shard 2's calls once the shards start, not the single-process run's
        AtomicReference<CountDownLatch> shardTwoCalls = new AtomicReference<>(new CountDownLatch(0));
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ofMillis(10), body -> {
            Matcher m = NUMBER.matcher(body);
            int n = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (Shard.of("c" + n, 4) == 2) {
                shardTwoCalls.get().countDown();
            }
            return "{\"choices\":[{\"message\":{\"content\":\"" + (n % 7 == 0 ? "no" : "yes") + "\"}}],"
                    + "\"usage\":{\"prompt_tokens\":" + (3 + n % 5) + ",\"completion_tokens\":1}}";
        })) {
            Path suite = writeSuite("cases.jsonl", server);
            Cli single = Cli.run("run", suite.toString(), "--quiet", "--no-cache", "--store", url);
            assertThat(single.exitCode()).as(single.err()).isZero();
            String singleId = runId(single.out());

            shardTwoCalls.set(new CountDownLatch(25));
            List<Process> shards = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                shards.add(child(i, "run", suite.toString(), "--shard", i + "/4", "--run-id", "ci-77", "--quiet",
                        "--no-cache", "--store", url));
            }
            assertThat(shardTwoCalls.get().await(60, TimeUnit.SECONDS)).as("shard 2 got going").isTrue();
            shards.get(1).destroyForcibly(); // SIGKILL: no chance to flush or record its end
            for (int i = 0; i < 4; i++) {
                assertThat(shards.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(shards.get(i).exitValue()).as(output(i + 1)).isEqualTo(i == 1 ? 137 : 0);
            }
            assertThat(output(1) + output(3) + output(4)).contains("Stored as shard 1/4 of run ci-77")
                    .contains("Stored as shard 4/4 of run ci-77");

            Cli incomplete = Cli.run("check", "ci-77", "--store", url, "--config", suite.toString());
            assertThat(incomplete.exitCode()).as(incomplete.out() + incomplete.err()).isEqualTo(ExitCode.USAGE);
            assertThat(incomplete.err()).contains("run ci-77 is not complete: 3 of 4 shards complete; missing shard"
                    + " 2/4 (began, not finished)").contains("evalgate run --shard 2/4 --run-id ci-77 --resume");
            assertThat(Cli.run("runs", "--store", url).out()).contains("running (3 of 4 shards complete)");
            assertThat(Cli.run("show", "ci-77", "--store", url).out())
                    .contains("  3 of 4 shards complete; missing shard 2/4 (began, not finished)");

            Path otherSuite = dir.resolve("other.yaml");
            Files.writeString(dir.resolve("other.jsonl"), cases.toString().replace("\"q5\"", "\"q5 edited\""));
            Files.writeString(otherSuite, Files.readString(suite).replace("cases.jsonl", "other.jsonl"));
            Cli mixed = Cli.run("run", otherSuite.toString(), "--shard", "2/4", "--run-id", "ci-77", "--resume",
                    "--quiet", "--no-cache", "--store", url);
            assertThat(mixed.exitCode()).as(mixed.out() + mixed.err()).isEqualTo(ExitCode.USAGE);
            assertThat(mixed.err()).contains("refused to mix this shard into run ci-77").contains("dataset sha256 is");

            CompletableFuture<Cli> waiting = CompletableFuture.supplyAsync(() -> Cli.run("check", "ci-77", "--wait",
                    "60s", "--store", url, "--config", suite.toString()));
            Cli resumed = Cli.run("run", suite.toString(), "--shard", "2/4", "--run-id", "ci-77", "--resume",
                    "--quiet", "--no-cache", "--store", url);
            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).contains("4 of 4 shards complete").contains("This was the last shard");
            Cli waited = waiting.get(90, TimeUnit.SECONDS);
            assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
            assertThat(Cli.run("check", "ci-77", "--store", url, "--config", suite.toString()).exitCode()).isZero();

            try (Store store = Store.open(url)) {
                assertThat(store.run("ci-77").orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
                Map<String, String> merged = samples(store, "ci-77");
                assertThat(merged).as("every target, case and repeat once").hasSize(2 * CASES * 2);
                assertThat(merged).isEqualTo(samples(store, singleId));
                assertSameMetrics(store, store.run(singleId).orElseThrow(), store.run("ci-77").orElseThrow());
                assertLatencyIsExactOverEveryCall(store, store.run("ci-77").orElseThrow());
            }
        }
    }

    private Path writeSuite(String dataset, FixedLatencyServer server) throws Exception {
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: sharded
                dataset: %2$s
                targets:
                  - { id: a, type: openai, base_url: "%1$s", model: m, per_request: 0.001 }
                  - { id: b, type: openai, base_url: "%1$s", model: m, per_request: 0.002, temperature: 0.5 }
                scorers: [ equals ]
                slices: [ channel ]
                run: { concurrency: 4, repeat: 2, retries: 0, warm_harness: false }
                gate:
                  absolute: { pass_rate: ">= 0.5" }
                """.formatted(server.url("/v1"), dataset));
        return suite;
    }

    private Process child(int shard, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("shard-" + shard + ".txt").toFile()).start();
    }

    private String output(int shard) {
        try {
            return Files.readString(dir.resolve("shard-" + shard + ".txt"));
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** target/case/repeat → what the sample says, latency left out since it is measured anew each run. */
    private static Map<String, String> samples(Store store, String runId) {
        Map<String, String> samples = new TreeMap<>();
        try (Stream<StoredCaseResult> rows = store.caseResults(runId)) {
            rows.forEach(r -> {
                String key = r.target() + "/" + r.caseId() + "/" + r.sample().repeat();
                String value = r.sample().outcome() + " " + r.sample().output() + " " + r.sample().value() + " "
                        + r.sample().usage() + " " + r.sample().costUsd() + " " + r.tags();
                assertThat(samples.put(key, value)).as("stored once: " + key).isNull();
            });
        }
        return samples;
    }

    /** Counts, rates, intervals, cost, tokens and slices exactly; latency is measured anew in each run. */
    private static void assertSameMetrics(Store store, StoredRun single, StoredRun merged) throws Exception {
        for (String target : List.of("a", "b")) {
            ObjectNode one = (ObjectNode) JSON.readTree(single.metricsJson().get(target));
            ObjectNode all = (ObjectNode) JSON.readTree(merged.metricsJson().get(target));
            assertThat(all.path("latency").path("n").asLong()).isEqualTo(one.path("latency").path("n").asLong());
            for (ObjectNode m : List.of(one, all)) {
                m.remove(List.of("latency", "throughputPerSecond"));
            }
            assertThat(all).as(target).isEqualTo(one);
            assertThat(all.path("cases").asLong()).isEqualTo(CASES);
        }
    }

    /** The merged run's percentiles are those of every shard's calls together, not an average of shards'. */
    private static void assertLatencyIsExactOverEveryCall(Store store, StoredRun merged) throws Exception {
        for (String target : List.of("a", "b")) {
            double[] latencies;
            try (Stream<StoredCaseResult> rows = store.caseResults(merged.runId())) {
                latencies = rows.filter(r -> r.target().equals(target)).mapToDouble(r -> r.sample().latencyMs())
                        .sorted().toArray();
            }
            LatencyStats exact = LatencyStats.ofSorted(latencies, TargetMetricsCollector.CONFIDENCE);
            JsonNode stored = JSON.readTree(merged.metricsJson().get(target)).path("latency");
            assertThat(stored.path("n").asLong()).isEqualTo(exact.n());
            assertThat(stored.path("p50").asDouble()).isEqualTo(exact.p50());
            assertThat(stored.path("p95").asDouble()).isEqualTo(exact.p95());
            assertThat(stored.path("p99").asDouble()).isEqualTo(exact.p99());
            assertThat(stored.path("max").asDouble()).isEqualTo(exact.max());
        }
    }

    private static String runId(String out) {
        Matcher m = Pattern.compile("Stored as run (\\S+) in").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
