package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.stats.Quantiles;
import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A loopback OpenAI-compatible server answers 1,000 cases with a known accuracy, token counts and its own measured
 * time per call; {@code evalgate run} must report accuracy, tokens and cost exactly, and time every call at the
 * target boundary: never less than the server itself spent on that call.
 *
 * <p>How close the reported p95 comes to the server's own time depends on the machine, so that figure is measured
 * by {@code ./bench.sh http} (docs/benchmarks.md), not asserted here.
 */
class OpenAiAcceptanceIT {

    private static final int CASES = 1000;
    /** Every tenth case is slow, so the slow calls decide the p95 whatever the machine adds to the fast ones. */
    private static final int SLOW_MS = 120;
    private static final int FAST_MS = 2;
    private static final int WARMUP = 10;
    private static final Pattern CASE_NUMBER = Pattern.compile("case (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The server's own time per case number, in ms, measured around its work for the last call of that case. */
    private final Map<Integer, Double> serverMs = new ConcurrentHashMap<>();

    /** The server answers correctly unless the case number is divisible by 8: 875 of 1,000 correct. */
    private String answer(String body) {
        long t0 = System.nanoTime();
        Matcher m = CASE_NUMBER.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no case number in the prompt: " + body);
        }
        int n = Integer.parseInt(m.group(1));
        try {
            Thread.sleep(n % 10 == 0 ? SLOW_MS : FAST_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String label = n % 8 == 0 ? "wrong" : "label-" + (n % 5);
        String reply = """
                {"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
                "content":"%s"},"finish_reason":"stop"}],"usage":{"prompt_tokens":%d,"completion_tokens":%d,
                "total_tokens":%d}}""".formatted(label, 30 + n % 7, 2 + n % 3, 32 + n % 7 + n % 3);
        serverMs.put(n, (System.nanoTime() - t0) / 1e6);
        return reply;
    }

    @Test
    void reports_accuracy_and_tokens_times_price_exactly_and_times_each_call_at_the_target_boundary()
            throws IOException {
        StringBuilder cases = new StringBuilder();
        long expectedIn = 0;
        long expectedOut = 0;
        for (int n = 1; n <= CASES; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"case ").append(n)
                    .append("\",\"expected\":\"label-").append(n % 5).append("\"}\n");
            expectedIn += 30 + n % 7;
            expectedOut += 2 + n % 3;
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ZERO, this::answer)) {
            Path suite = dir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: loopback
                    dataset: cases.jsonl
                    prompt: "Classify {{input}}"
                    targets:
                      - id: local-llm
                        type: openai
                        base_url: "%s"
                        model: local-model
                        input_per_mtok: 1.5
                        output_per_mtok: 6
                    scorers: [ label ]
                    run: { concurrency: 8, timeout: 30s, retries: 0, warmup: %d }
                    """.formatted(server.url("/v1"), WARMUP));
            Path results = dir.resolve("results.json");

            Cli cli = Cli.run("run", suite.toString(), "--quiet", "--output", results.toString());

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(server.requestCount()).as("warm-up calls plus one call per case")
                    .isEqualTo(WARMUP + CASES);
            assertThat(cli.out()).contains("87.5% (875/1000)");
            JsonNode json = JSON.readTree(results.toFile());
            JsonNode metrics = json.get("metrics").get(0);
            assertThat(metrics.get("pass_rate").asDouble()).isEqualTo(0.875);
            assertThat(metrics.get("errored").asLong()).isZero();
            assertThat(metrics.get("tokens").get("input").asLong()).isEqualTo(expectedIn);
            assertThat(metrics.get("tokens").get("output").asLong()).isEqualTo(expectedOut);
            double expectedCost = expectedIn * 1.5 / 1e6 + expectedOut * 6 / 1e6;
            assertThat(metrics.get("cost").get("total_usd").asDouble()).isCloseTo(expectedCost, within(1e-12));
            assertThat(metrics.get("cost").get("per_request_usd").asDouble())
                    .isCloseTo(expectedCost / CASES, within(1e-15));

            double[] latencies = new double[CASES];
            int i = 0;
            for (JsonNode c : json.get("cases")) {
                int n = Integer.parseInt(c.get("id").asText().substring(1));
                double measured = c.get("samples").get(0).get("latency_ms").asDouble();
                assertThat(measured).as("latency of case %d includes the server's own time for it", n)
                        .isGreaterThanOrEqualTo(serverMs.get(n));
                latencies[i++] = measured;
            }
            assertThat(i).isEqualTo(CASES);
            Arrays.sort(latencies);
            JsonNode latency = metrics.get("latency");
            assertThat(latency.get("n").asLong()).as("warm-up calls are not measured").isEqualTo(CASES);
            assertThat(latency.get("p95").asDouble()).as("p95 is the nearest-rank p95 of the calls")
                    .isCloseTo(Quantiles.nearestRank(latencies, 0.95), within(0.001))
                    .isGreaterThanOrEqualTo(SLOW_MS);
            assertThat(latency.get("p50").asDouble()).isCloseTo(Quantiles.nearestRank(latencies, 0.50), within(0.001))
                    .isGreaterThanOrEqualTo(FAST_MS);
        }
    }
}
