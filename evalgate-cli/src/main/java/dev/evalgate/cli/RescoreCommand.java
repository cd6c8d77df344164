package dev.evalgate.cli;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.judge.JudgeScorer;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.report.ConsoleSummary;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Runner;
import dev.evalgate.run.Sample;
import dev.evalgate.score.CaseScoring;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.score.Scorers;
import dev.evalgate.score.Scored;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.RunWriter;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoreResponseCache;
import dev.evalgate.store.StoredRun;
import dev.evalgate.suite.SuiteLoader;
import dev.evalgate.target.TargetKinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code evalgate rescore}: judges a stored run's outputs again with the suite's current scorers and output
 * transforms, as a new run linked to the old one. No target is called.
 */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Score a stored run's outputs again with the current scorers, as a new run; calls no target.")
final class RescoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run id, or 'last'")
    String run;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "evalgate.yaml",
            description = "The suite file whose scorers and transforms are used (default: ${DEFAULT-VALUE})")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Interpolator lenient = new Interpolator(name -> Objects.requireNonNullElse(System.getenv(name), ""));
        ConfigNode root = YamlTree.read(config, lenient);
        Options top = Options.of(root);
        Map<String, OutputTransform> transforms = transforms(top);
        Path suiteDir = config.toAbsolutePath().getParent();
        try (SuiteLoader.Scoring scoring = new SuiteLoader(lenient, TargetKinds.discover(), Scorers.builtIn())
                .scoring(config);
             Store store = storeOption.openExisting(config);
             StoreResponseCache cache = store.responseCache(Options.of(root).string("suite", ""))) {
            scoring.notes().forEach(n -> out.println("note: " + n));
            // a judge's votes are kept in the store's response cache, so rescoring the same outputs again is free
            List<ConfiguredScorer> scorers = JudgeScorer.withCache(scoring.scorers(), cache);
            StoredRun old = RunRecords.find(store, run);
            RunInfo was = old.info();
            RunInfo info = new RunInfo(RunPlan.newRunId(), was.suite(), was.suiteFile(), was.datasetFile(),
                    was.datasetSha256(), was.targets(), scorers.stream().map(ConfiguredScorer::spec).toList(),
                    was.slices(), was.repeat(), was.seed(), "rescore of run " + was.runId(), was.priceTable(),
                    Version.current());
            boolean classification = scorers.stream().anyMatch(ConfiguredScorer::classification);
            Map<String, TargetMetricsCollector> collectors = new LinkedHashMap<>();
            Map<String, List<CaseResult>> failures = new LinkedHashMap<>();
            for (RunInfo.TargetInfo t : was.targets()) {
                collectors.put(t.id(), new TargetMetricsCollector(t.id(), was.slices(), classification));
                failures.put(t.id(), new ArrayList<>());
            }
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            RunResult result;
            try (RunWriter writer = store.begin(info, old.configSnapshot(), GitInfo.detect(suiteDir), was.runId())) {
                StoredResults.forEach(store, was.runId(), stored -> {
                    CaseResult again = rescore(stored, scorers, transforms.getOrDefault(stored.target(),
                            OutputTransform.IDENTITY));
                    collectors.get(again.target()).add(again);
                    List<CaseResult> kept = failures.get(again.target());
                    if (again.outcome() != Outcome.PASS && kept.size() < Runner.FAILURES_KEPT) {
                        kept.add(again);
                    }
                    writer.accept(again);
                });
                Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                result = new RunResult(info, started, elapsed, true, dev.evalgate.judge.JudgedRates.apply(
                        collectors.values().stream().map(c -> c.finish(elapsed)).toList(), scorers), failures);
                writer.finish(result);
            }
            cache.flush();
            new ConsoleSummary(result).print(out);
            long calls = result.metrics().stream().filter(m -> m.grading() != null)
                    .mapToLong(m -> m.grading().calls()).sum();
            out.println("Stored as run " + info.runId() + " in " + store.location() + ", rescored from run "
                    + was.runId() + " (no target was called" + (JudgeScorer.judges(scorers).isEmpty() ? ""
                    : "; " + calls + " judge call" + (calls == 1 ? "" : "s") + ", the rest from the cache") + ")");
            return ExitCode.OK;
        }
    }

    /** Each target's output transform as the suite file defines it now. */
    private static Map<String, OutputTransform> transforms(Options top) {
        Map<String, OutputTransform> transforms = new LinkedHashMap<>();
        Optional<ConfigNode> targets = top.node("targets");
        if (targets.isPresent()) {
            for (ConfigNode item : Options.items(targets.get())) {
                if (item instanceof ConfigNode.Mapping map && map.entries().get("id") instanceof ConfigNode.Scalar id
                        && map.entries().containsKey("transform")) {
                    transforms.put(id.value(), OutputTransform.parse(map.entries().get("transform")));
                }
            }
        }
        return transforms;
    }

    private static CaseResult rescore(CaseResult stored, List<ConfiguredScorer> scorers, OutputTransform transform) {
        List<Sample> samples = new ArrayList<>();
        for (Sample s : stored.samples()) {
            if (s.error() != null) {
                samples.add(s);
                continue;
            }
            String raw = s.rawOutput() != null ? s.rawOutput() : s.output();
            Optional<String> value = transform.apply(raw == null ? "" : raw);
            if (value.isEmpty()) {
                Score miss = Score.fail("transform", transform.describe() + " found nothing in the output");
                samples.add(new Sample(s.repeat(), raw, null, Outcome.FAIL, 0, List.of(miss), s.latencyMs(), s.usage(),
                        s.costUsd(), s.attempts(), null, s.cached(), s.stream()));
                continue;
            }
            Scored scored = CaseScoring.score(scorers, stored.kase(), value.get());
            samples.add(new Sample(s.repeat(), raw, value.get(), scored.outcome(), scored.value(), scored.scores(),
                    s.latencyMs(), s.usage(), s.costUsd(), s.attempts(), null, s.cached(), s.stream()));
        }
        return CaseResult.of(stored.target(), stored.kase(), samples);
    }
}
