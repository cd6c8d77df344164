package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A loopback OpenAI-compatible server answers 1,000 cases with a known accuracy, latency and token counts;
 * {@code evalgate run} must report them exactly (accuracy, tokens, cost) or within bounds (p95).
 */
class OpenAiAcceptanceIT {

    private static final int CASES = 1000;
    private static final int SERVER_DELAY_MS = 50;
    /** Calls made and discarded before measuring: a cold JVM's first calls time its own start-up. */
    private static final int WARMUP = 600;
    private static final Pattern CASE_NUMBER = Pattern.compile("case (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The server answers correctly unless the case number is divisible by 8: 875 of 1,000 correct. */
    private static String answer(String body) {
        Matcher m = CASE_NUMBER.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no case number in the prompt: " + body);
        }
        int n = Integer.parseInt(m.group(1));
        String label = n % 8 == 0 ? "wrong" : "label-" + (n % 5);
        String reply = """
                {"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
                "content":"%s"},"finish_reason":"stop"}],"usage":{"prompt_tokens":%d,"completion_tokens":%d,
                "total_tokens":%d}}""".formatted(label, 30 + n % 7, 2 + n % 3, 32 + n % 7 + n % 3);
        return reply;
    }

    @Test
    void reports_the_servers_accuracy_exactly_latency_within_10ms_and_tokens_times_price() throws IOException {
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
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ofMillis(SERVER_DELAY_MS),
                OpenAiAcceptanceIT::answer)) {
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
                    run: { concurrency: 8, timeout: 10s, retries: 0, warmup: %d }
                    """.formatted(server.url("/v1"), WARMUP));
            Path results = dir.resolve("results.json");

            Cli cli = Cli.run("run", suite.toString(), "--quiet", "--output", results.toString());

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(server.requestCount()).isEqualTo(WARMUP + CASES);
            assertThat(cli.out()).contains("87.5% (875/1000)");
            JsonNode metrics = JSON.readTree(results.toFile()).get("metrics").get(0);
            assertThat(metrics.get("pass_rate").asDouble()).isEqualTo(0.875);
            assertThat(metrics.get("errored").asLong()).isZero();
            JsonNode latency = metrics.get("latency");
            assertThat(latency.get("p95").asDouble()).isBetween((double) SERVER_DELAY_MS, SERVER_DELAY_MS + 10.0);
            assertThat(metrics.get("tokens").get("input").asLong()).isEqualTo(expectedIn);
            assertThat(metrics.get("tokens").get("output").asLong()).isEqualTo(expectedOut);
            double expectedCost = expectedIn * 1.5 / 1e6 + expectedOut * 6 / 1e6;
            assertThat(metrics.get("cost").get("total_usd").asDouble()).isCloseTo(expectedCost, within(1e-12));
            assertThat(metrics.get("cost").get("per_request_usd").asDouble())
                    .isCloseTo(expectedCost / CASES, within(1e-15));
        }
    }
}
