package dev.evalgate.bench;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.run.CancelToken;
import dev.evalgate.run.ResultSink;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Runner;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.score.ScorerSpecs;
import dev.evalgate.score.Scorers;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The suite a benchmark runs: one target, the {@code equals} scorer, no prompt, no transform, no price, and no
 * results file (a sink that drops every result), so the figures measure the runner and the target alone.
 */
final class BenchSuite {

    /** Drops every result: writing a results file is not what these benchmarks measure. */
    private static final ResultSink DROP = result -> { };

    private BenchSuite() {
    }

    static Suite of(String name, String targetType, Target target, CallPolicy policy) {
        TargetConfig config = new TargetConfig(targetType, targetType, target, null, OutputTransform.IDENTITY,
                policy, PriceSource.unknown(), null, targetType);
        RunOptions run = new RunOptions(policy.concurrency(), policy.timeout(), policy.retries(), 1, 1, 0, 0, 0);
        return new Suite(name, Path.of(name + ".yaml"), null, new SyntheticDataset(0), Map.of(), List.of(config),
                equalsScorer(), List.of(), run, "", null, null, null);
    }

    /** Runs the suite over {@code dataset} and returns its one target's metrics with the run's elapsed time. */
    static Measured run(Suite suite, Dataset dataset, CancelToken cancel) throws InterruptedException {
        RunInfo info = new RunInfo("bench", suite.name(), suite.file().toString(), "synthetic", "", List.of(),
                suite.scorers().stream().map(ConfiguredScorer::spec).toList(), List.of(), 1, 1, "all", "", "bench");
        CpuMeter cpu = new CpuMeter();
        RunResult result = new Runner(suite, dataset, info).run(DROP, cancel);
        return new Measured(result.metrics().getFirst(), result.elapsed(), result.complete(), cpu.stop());
    }

    /** An instant target: the expected label, except {@link SyntheticDataset#WRONG_ANSWER} for one case in ten. */
    static Target instantTarget() {
        return request -> {
            long index = SyntheticDataset.index(request.kase());
            String text = SyntheticDataset.answeredWrongly(index) ? SyntheticDataset.WRONG_ANSWER
                    : request.kase().expected().primary();
            return Reply.of(text, 12, 1);
        };
    }

    /** No timeout (so no timeout executor) and no retries: the runner's cheapest path around an in-process call. */
    static CallPolicy inProcessPolicy(int concurrency) {
        return new CallPolicy(concurrency, 0, Duration.ZERO, 0, Duration.ofMillis(100), Duration.ofSeconds(1), 1);
    }

    private static List<ConfiguredScorer> equalsScorer() {
        ConfigNode scorers = YamlTree.parse("bench.yaml", "[equals]", Interpolator.of(Map.of()));
        return ScorerSpecs.parse(scorers, Scorers.builtIn());
    }

    /** One run's metrics, wall time, and the CPU it and everything else on the machine used meanwhile. */
    record Measured(TargetMetrics metrics, Duration elapsed, boolean complete, CpuMeter.Usage cpu) {

        double casesPerSecond() {
            return metrics.cases() / (elapsed.toNanos() / 1e9);
        }

        double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }
}
