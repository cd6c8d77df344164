package dev.evalgate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.judge.Judge;
import dev.evalgate.judge.JudgeScorer;
import dev.evalgate.judge.Judgment;
import dev.evalgate.suite.SuiteLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Judge calls per second: an {@code openai} judge at concurrency C grading N outputs against a loopback
 * OpenAI-compatible judge that answers a strict verdict after a fixed delay. The judge goes through the same
 * caller, schema request and verdict parsing as in a run; nothing is cached. No goal: the figure is printed.
 */
final class JudgeBench {

    private JudgeBench() {
    }

    static boolean run(BenchArgs options) throws Exception {
        int cases = (int) options.get("cases", 20_000);
        int concurrency = (int) options.get("concurrency", 50);
        long delayMs = options.get("delay-ms", 0);
        Path dir = Files.createTempDirectory("evalgate-judge-bench");
        try (VerdictServer server = new VerdictServer(delayMs)) {
            Path suite = dir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: judge-bench
                    dataset: cases.jsonl
                    judges:
                      grader: { type: openai, base_url: "%s", model: bench-judge, concurrency: %d, retries: 0 }
                    targets: []
                    scorers:
                      - judge: { judge: grader, rubric: "The answer is correct." }
                    """.formatted(server.baseUrl(), concurrency));
            try (SuiteLoader.Scoring scoring = SuiteLoader.standard().scoring(suite)) {
                Judge judge = ((JudgeScorer) scoring.scorers().getFirst().scorer()).judge();
                grade(judge, Math.min(cases, 2_000)); // warm-up: JIT and connections
                long t0 = System.nanoTime();
                long errors = grade(judge, cases);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "judge: %,d judgments at concurrency %d, server delay %d ms: %.2f s, "
                                + "%,.0f judge calls/s (%d judge errors; ideal at this delay: %s)%n", cases,
                        concurrency, delayMs, seconds, cases / seconds, errors,
                        delayMs == 0 ? "unbounded" : String.format(Locale.ROOT, "%,.0f/s",
                                concurrency * 1000.0 / delayMs));
                return errors == 0;
            }
        } finally {
            Files.deleteIfExists(dir.resolve("evalgate.yaml"));
            Files.deleteIfExists(dir);
        }
    }

    /** Grades n distinct outputs on virtual threads; the judge's caller keeps C in flight. Returns judge errors. */
    private static long grade(Judge judge, int n) {
        AtomicLong errors = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                Case kase = Case.of("c" + i, "question " + i, Expected.none());
                String output = "answer " + i;
                pool.execute(() -> {
                    Judgment judgment = judge.judge(kase, output);
                    if (judgment.error()) {
                        errors.incrementAndGet();
                    }
                });
            }
        }
        return errors.get();
    }

    /** A loopback OpenAI-compatible judge answering every request with the same strict verdict. */
    private static final class VerdictServer implements AutoCloseable {
        private static final byte[] ANSWER = ("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"{\\\"reason\\\":\\\"correct\\\",\\\"verdict\\\":\\\"pass\\\",\\\"score\\\":1}\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":12}}")
                .getBytes(StandardCharsets.UTF_8);
        private final HttpServer server;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final long delayMs;

        VerdictServer(long delayMs) throws IOException {
            this.delayMs = delayMs;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
            server.setExecutor(executor);
            server.createContext("/v1/chat/completions", this::handle);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    exchange.close();
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
