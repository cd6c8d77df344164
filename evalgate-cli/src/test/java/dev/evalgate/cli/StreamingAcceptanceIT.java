package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.stats.Quantiles;
import dev.evalgate.testkit.StreamingServer;
import dev.evalgate.testkit.StreamingServer.Piece;
import dev.evalgate.testkit.StreamingServer.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loopback streaming server sends its first token 40 ms after each request and the other ten over the next 200 ms;
 * {@code evalgate run} must report a time to first token of 40 ms and a total latency of 240 ms, store them, and
 * gate on {@code ttft_p95_ms}.
 *
 * <p>The tolerance: both figures can only be late, never early (the server waits before it writes), so the lower
 * bounds are exact. Above them the figures are held to the server's own p95 times (request read to first piece,
 * and to last byte) plus 100 ms: on a 2-core machine shared with other builds (load averages of 10-17 were seen
 * while this was written) the server's own sleeps overrun and the client's reading thread waits for a core, by
 * over 20 ms at p95 in some runs, which is the machine's time, not the client's. A first token taken at the end of
 * the stream (240 ms after the request) is still about 100 ms outside the bound on the first token. On a quiet
 * machine the figures are within 1-3 ms of 40 and 240 ms (see docs/benchmarks.md).
 */
class StreamingAcceptanceIT {

    private static final int CASES = 100;
    private static final double FIRST_MS = 40;
    private static final double TOTAL_MS = 240;
    private static final double TOLERANCE_MS = 100;
    /**
     * The client's clock starts when the request's last byte has been written to the socket, which can be a moment after the
     * server's clock started on the request's arrival, so a client figure may read a little under the server's wait
     * (a p95 over 100 calls, of which few start late).
     */
    private static final double CLOCK_LAG_MS = 5.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Script answer(String body) {
        List<Piece> pieces = new ArrayList<>();
        pieces.add(data(40, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"lab\"}}]}"));
        for (int i = 0; i < 10; i++) {
            pieces.add(data(20, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + (i == 9 ? "el" : "") + "\"}}]}"));
        }
        pieces.add(data(0, "{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":11}}"));
        pieces.add(data(0, "[DONE]"));
        return Script.of(pieces);
    }

    private static String runId(Path results) throws IOException {
        return JSON.readTree(results.toFile()).get("run").get("run_id").asText();
    }

    private static Piece data(long afterMs, String json) {
        return new Piece(Duration.ofMillis(afterMs), "data: " + json + "\n\n");
    }

    @Test
    void reports_time_to_first_token_of_40_ms_and_latency_of_240_ms_and_gates_on_it() throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int n = 1; n <= CASES; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"case ").append(n)
                    .append("\",\"expected\":\"label\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        try (StreamingServer server = StreamingServer.start(StreamingAcceptanceIT::answer)) {
            Path suite = dir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: streaming
                    dataset: cases.jsonl
                    targets:
                      - id: chat
                        type: openai
                        base_url: "%s"
                        model: local-model
                        stream: true
                    scorers: [ equals ]
                    run: { concurrency: 10, timeout: 30s, retries: 0 }
                    gate:
                      absolute: { ttft_p95_ms: "<= 150" }
                    """.formatted(server.url("/v1")));
            Path results = dir.resolve("results.json");
            Path store = dir.resolve("store.db");

            Cli cli = Cli.run("run", suite.toString(), "--quiet", "--output", results.toString(),
                    "--store", store.toString());

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out()).contains("ttft p95");
            JsonNode json = JSON.readTree(results.toFile());
            JsonNode metrics = json.get("metrics").get(0);
            assertThat(metrics.get("pass_rate").asDouble()).as("the pieces add up to the answer").isEqualTo(1.0);
            assertThat(metrics.get("tokens").get("output").asLong()).isEqualTo(11L * CASES);
            JsonNode ttft = metrics.get("streaming").get("ttft");
            assertThat(ttft.get("n").asLong()).isEqualTo(CASES);
            double[] serverFirst = server.timings().values().stream()
                    .mapToDouble(StreamingServer.Timing::firstPieceMs).sorted().toArray();
            double[] serverLast = server.timings().values().stream()
                    .mapToDouble(StreamingServer.Timing::lastByteMs).sorted().toArray();
            double serverFirstP95 = Quantiles.nearestRank(serverFirst, 0.95);
            double serverLastP95 = Quantiles.nearestRank(serverLast, 0.95);
            // the figures, for a reader on a quiet machine: the bounds below are loose enough for a busy one
            System.out.printf("streaming: ttft p95 %.1f ms (server's own to its first piece %.1f), latency p95 %.1f ms"
                    + " (server's own to its last byte %.1f)%n", ttft.get("p95").asDouble(), serverFirstP95,
                    metrics.get("latency").get("p95").asDouble(), serverLastP95);
            assertThat(ttft.get("p95").asDouble()).as("ttft p95; the server's own p95 to its first piece is %.1f ms;"
                    + " metrics %s", serverFirstP95, metrics).isBetween(FIRST_MS - CLOCK_LAG_MS,
                    serverFirstP95 + TOLERANCE_MS);
            assertThat(ttft.get("p95_interval").get("upper").asDouble()).isGreaterThanOrEqualTo(FIRST_MS);
            assertThat(metrics.get("latency").get("p95").asDouble()).as("total latency p95; the server's own p95 to"
                    + " its last byte is %.1f ms", serverLastP95).isBetween(TOTAL_MS - CLOCK_LAG_MS,
                    serverLastP95 + TOLERANCE_MS);
            assertThat(metrics.get("streaming").get("output_tokens_per_second_p50").asDouble())
                    .as("11 tokens over the 200 ms after the first").isBetween(11 / 0.300, 11 / 0.150);
            for (JsonNode c : json.get("cases")) {
                // one call's clock can start late (the client thread paused between writing and stamping), so a
                // single figure is only bounded loosely: well after the request, and before the answer's end
                JsonNode sample = c.get("samples").get(0);
                assertThat(sample.get("ttft_ms").asDouble()).isGreaterThan(FIRST_MS / 2)
                        .isLessThan(sample.get("latency_ms").asDouble());
            }

            Cli check = Cli.run("check", "--config", suite.toString(), "--store", store.toString());

            assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).contains("ttft p95 ms");

            Path again = dir.resolve("again.json");
            // --no-cache: answers kept by the first run would come back with no latency and no first token
            assertThat(Cli.run("run", suite.toString(), "--quiet", "--no-cache", "--output", again.toString(),
                    "--store", store.toString()).exitCode()).isZero();
            Path markdown = dir.resolve("compare.md");
            Path comparison = dir.resolve("compare.json");
            Cli compare = Cli.run("compare", runId(results), runId(again), "--store", store.toString(),
                    "--markdown", markdown.toString(), "--json", comparison.toString());

            assertThat(compare.exitCode()).as(compare.err()).isZero();
            assertThat(compare.out()).containsPattern("ttft p95 +[0-9.]+ ms -> [0-9.]+ ms +x[0-9.]+ +\\[");
            assertThat(Files.readString(markdown)).contains("Time to first token, chat: p95 ");
            JsonNode ttftComparison = JSON.readTree(comparison.toFile()).get("targets").get(0).get("ttft");
            assertThat(ttftComparison.get("p95_ratio").get("resamples").asInt()).isPositive();

            Path cached = dir.resolve("cached.json");
            assertThat(Cli.run("run", suite.toString(), "--quiet", "--output", cached.toString(), "--store",
                    store.toString()).exitCode()).isZero();
            JsonNode fromCache = JSON.readTree(cached.toFile());
            assertThat(fromCache.get("metrics").get(0).get("streaming").isNull())
                    .as("answers from the cache have no first token").isTrue();
            assertThat(fromCache.get("cases").get(0).get("samples").get(0).has("ttft_ms")).isFalse();
        }
    }
}
