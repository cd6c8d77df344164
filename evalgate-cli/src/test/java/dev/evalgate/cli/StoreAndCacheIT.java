package dev.evalgate.cli;

import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;
import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs are kept in the store, and a second run of the same suite is answered from the response cache. */
class StoreAndCacheIT {

    private static final int CASES = 10_000;
    private static final Pattern NUMBER = Pattern.compile("q(\\d+)");

    @TempDir
    Path dir;

    private static String reply(String body) {
        Matcher m = NUMBER.matcher(body);
        int n = m.find() ? Integer.parseInt(m.group(1)) : -1;
        return "{\"choices\":[{\"message\":{\"content\":\"" + (n % 10 == 0 ? "no" : "yes")
                + "\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}";
    }

    private Path suite(FixedLatencyServer server) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int n = 0; n < CASES; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"yes\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: cached
                dataset: cases.jsonl
                targets:
                  - { id: llm, type: openai, base_url: "%s", model: m, input_per_mtok: 1, output_per_mtok: 2 }
                scorers: [ equals ]
                run: { concurrency: 32, retries: 0 }
                """.formatted(server.url("/v1")));
        return suite;
    }

    @Test
    void a_second_run_of_10000_cases_comes_from_the_cache_without_one_http_call() throws IOException {
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ZERO, StoreAndCacheIT::reply)) {
            Path suite = suite(server);

            Cli first = Cli.run("run", suite.toString(), "--quiet");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(server.requestCount()).isEqualTo(CASES);

            Cli second = Cli.run("run", suite.toString(), "--quiet");

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(server.requestCount()).as("no call on the cached run").isEqualTo(CASES);
            assertThat(second.out()).contains("90.0% (9000/10000)")
                    .contains("llm: 10000 of 10000 calls answered from the response cache");
            Cli live = Cli.run("run", suite.toString(), "--quiet", "--no-cache", "--limit", "100");
            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(server.requestCount()).isEqualTo(CASES + 100);
        }
        try (Store store = Store.open(dir.resolve(".evalgate/evalgate.db").toString())) {
            assertThat(store.runs(dev.evalgate.store.RunFilter.all())).hasSize(3);
            String cachedRun = store.runs(dev.evalgate.store.RunFilter.all()).get(1).runId();
            try (var rows = store.caseResults(cachedRun)) {
                List<StoredCaseResult> all = rows.toList();
                assertThat(all).hasSize(CASES).allSatisfy(r -> {
                    assertThat(r.cached()).isTrue();
                    assertThat(r.sample().latencyMs()).isNaN();
                });
            }
        }
    }
}
