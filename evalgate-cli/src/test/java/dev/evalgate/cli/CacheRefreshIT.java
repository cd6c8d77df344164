package dev.evalgate.cli;

import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --no-cache} replaces the cached answers of a cacheable target, so the next cached run reads them. */
class CacheRefreshIT {

    @TempDir
    Path dir;

    @Test
    void a_cached_run_after_no_cache_reads_the_fresh_answers_not_the_first_ones() throws IOException {
        AtomicReference<String> answer = new AtomicReference<>("yes");
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ZERO, body ->
                "{\"choices\":[{\"message\":{\"content\":\"" + answer.get() + "\"}}]}")) {
            Files.writeString(dir.resolve("cases.jsonl"), """
                    {"id": "a", "input": "one", "expected": "yes"}
                    {"id": "b", "input": "two", "expected": "yes"}
                    """);
            Path suite = dir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: refresh
                    dataset: cases.jsonl
                    targets:
                      - { id: llm, type: openai, base_url: "%s", model: m }
                    scorers: [ equals ]
                    run: { retries: 0 }
                    """.formatted(server.url("/v1")));

            assertThat(Cli.run("run", suite.toString(), "--quiet").out()).contains("100.0% (2/2)");
            answer.set("no");
            Cli live = Cli.run("run", suite.toString(), "--quiet", "--no-cache");
            assertThat(live.out()).as(live.err()).contains("0.0% (0/2)");
            assertThat(server.requestCount()).isEqualTo(4);

            answer.set("yes");
            Cli cached = Cli.run("run", suite.toString(), "--quiet");

            assertThat(server.requestCount()).as("answered from the cache").isEqualTo(4);
            assertThat(cached.out()).contains("2 of 2 calls answered from the response cache")
                    .contains("0.0% (0/2)");
        }
    }
}
