package dev.evalgate.bench;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.metric.LatencyStats;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.run.CancelToken;
import dev.evalgate.suite.Suite;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKinds;
import dev.evalgate.target.TargetSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Throughput and latency of the {@code openai} target at concurrency C against a loopback server that answers
 * after L ms: the ceiling is C / L calls per second, and a good runner and HTTP client come close to it.
 *
 * <p>Bounded in count and time: a warm-up run opens the connections, then one measured run of {@code --cases}
 * cases; a timer cancels the run after {@code --seconds} if it has not finished, and the server stops with it.
 */
final class HttpBench {

    static final double GOAL_SHARE_OF_CEILING = 0.90;

    private HttpBench() {
    }

    static boolean run(BenchArgs args) throws Exception {
        long cases = args.get("cases", 10_000);
        long warmup = args.get("warmup", 10_000);
        int concurrency = args.integer("concurrency", 100);
        Duration delay = Duration.ofMillis(args.get("delay-ms", 50));
        Duration limit = Duration.ofSeconds(args.get("seconds", 120));
        Duration timeout = Duration.ofMillis(args.get("timeout-ms", 30_000));
        double ceiling = concurrency / (delay.toNanos() / 1e9);
        System.out.printf("%n== http: %s cases, openai target, concurrency %d, call timeout %s, server delay %d ms,"
                        + " ceiling C/L = %s cases/s%n", Figures.count(cases), concurrency,
                timeout.isZero() ? "none" : timeout.toMillis() + " ms", delay.toMillis(), Figures.count(ceiling));
        try (ChatServer server = ChatServer.start(delay);
             Suite suite = BenchSuite.of("bench-http", "openai", openAi(server.baseUrl()), policy(concurrency, timeout))) {
            if (warmup > 0) {
                BenchSuite.Measured warm = bounded(suite, warmup, limit);
                System.out.printf("warm-up: %s cases in %.2f s = %s cases/s%n", Figures.count(warm.metrics().cases()),
                        warm.seconds(), Figures.count(warm.casesPerSecond()));
            }
            BenchSuite.Measured m = bounded(suite, cases, limit);
            TargetMetrics metrics = m.metrics();
            LatencyStats latency = metrics.latency();
            double rate = m.casesPerSecond();
            boolean correct = m.complete() && metrics.cases() == cases && metrics.errored() == 0
                    && metrics.passed() == SyntheticDataset.expectedPasses(cases);
            boolean met = correct && rate >= GOAL_SHARE_OF_CEILING * ceiling;
            System.out.printf("run: %s cases in %.2f s = %s cases/s = %.1f%% of the ceiling (passed %s, errored %d,"
                            + " server saw %s requests)%n", Figures.count(metrics.cases()), m.seconds(),
                    Figures.count(rate), 100 * rate / ceiling, Figures.count(metrics.passed()), metrics.errored(),
                    Figures.count(server.requests()));
            System.out.println(m.cpu() + String.format("; %.2f ms of CPU per case in this JVM (client, server, runner)",
                    m.cpu().processCores() * m.seconds() * 1000 / Math.max(1, metrics.cases())));
            System.out.printf("latency at the target boundary: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
                            + " (server delay %d ms; p50 overhead %.1f ms)%n", latency.p50(), latency.p95(),
                    latency.p99(), latency.max(), delay.toMillis(), latency.p50() - delay.toMillis());
            System.out.printf("http goal >= %.0f%% of ceiling (%s cases/s): %s%s%n", 100 * GOAL_SHARE_OF_CEILING,
                    Figures.count(GOAL_SHARE_OF_CEILING * ceiling), Figures.verdict(met),
                    correct ? "" : " -- the run was cut short or counts are wrong");
            return met;
        }
    }

    private static BenchSuite.Measured bounded(Suite suite, long cases, Duration limit) throws InterruptedException {
        CancelToken cancel = new CancelToken();
        Thread timer = Thread.ofPlatform().daemon().name("bench-time-limit").start(() -> {
            try {
                Thread.sleep(limit);
                System.out.println("time limit of " + limit.toSeconds() + " s reached; stopping the run");
                cancel.cancel();
            } catch (InterruptedException e) {
                // the run finished first
            }
        });
        try {
            return BenchSuite.run(suite, new SyntheticDataset(cases), cancel);
        } finally {
            timer.interrupt();
        }
    }

    /** Built the way a suite file builds it: YAML options read by the {@code openai} kind found on the class path. */
    static Target openAi(String baseUrl) {
        String yaml = "model: bench-model\nbase_url: " + baseUrl + "\n";
        ConfigNode node = YamlTree.parse("bench.yaml", yaml, Interpolator.of(Map.of()));
        Options options = Options.of(node);
        Target target = TargetKinds.discover().get("openai", node)
                .create(new TargetSpec("openai", "openai", options, Path.of(".")));
        options.done();
        return target;
    }

    /**
     * What a user would set for a real endpoint: a per-call timeout, which puts the timeout executor in the path
     * ({@code --timeout-ms 0} takes it out), and no retries, so any failure shows as an error.
     */
    private static CallPolicy policy(int concurrency, Duration timeout) {
        return new CallPolicy(concurrency, 0, timeout, 0, Duration.ofMillis(500),
                Duration.ofSeconds(10), 1);
    }
}
