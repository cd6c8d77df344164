package dev.evalgate.cli;

import dev.evalgate.config.Suggest;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Sampling;
import dev.evalgate.dataset.Shard;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.ShipDecision;
import dev.evalgate.report.ConsoleSummary;
import dev.evalgate.report.JUnitXmlReport;
import dev.evalgate.report.MarkdownReport;
import dev.evalgate.report.ResultsFile;
import dev.evalgate.run.CancelToken;
import dev.evalgate.run.ResultSink;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Runner;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.SuiteLoader;
import dev.evalgate.suite.TargetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code evalgate run}: runs every target of a suite over its cases and prints the summary. */
@Command(name = "run", description = "Run the suite's targets over its cases and print a summary per target.",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "Suite file (default: evalgate.yaml)")
    Path config = Path.of("evalgate.yaml");

    @Option(names = "--target", paramLabel = "ID", description = "Run only this target (repeatable)")
    List<String> targets = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Run only the first N cases")
    Integer limit;

    @Option(names = "--sample", paramLabel = "N", description = "Run a random sample of N cases, stratified by expected label")
    Integer sample;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for --sample and retry jitter (default: run.seed)")
    Long seed;

    @Option(names = "--concurrency", paramLabel = "C", description = "Calls in flight per target")
    Integer concurrency;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write every case and metric as JSON")
    Path output;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML: a testsuite per target, a testcase per case")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown summary for a pull request;"
            + " it is also appended to $GITHUB_STEP_SUMMARY when that is set")
    Path markdown;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no hints; print only the summary")
    boolean quiet;

    @Option(names = "--stacktrace", description = "Print stack traces of errors")
    boolean stacktrace;

    @Option(names = "--store", paramLabel = "URL|PATH",
            description = "Store to keep the run in: a SQLite file or a jdbc:postgresql: URL"
                    + " (default: EVALGATE_STORE, the suite's 'store:', or .evalgate/evalgate.db beside the suite)")
    String store;

    @Option(names = "--no-store", description = "Keep nothing: no stored run, no response cache")
    boolean noStore;

    @Option(names = "--no-cache", description = "Call every target live, even for answers the cache has, and keep"
            + " the fresh answers in the cache for the next run")
    boolean noCache;

    @Option(names = "--no-warm-harness", description = "Do not warm evalgate's own code before the measured run"
            + " (the suite's run.warm_harness); nothing is billed either way")
    boolean noWarmHarness;

    @Option(names = "--resume", paramLabel = "RUN", arity = "0..1", fallbackValue = "",
            description = "Continue a stopped run (an id, or 'last') under the same id, skipping the cases it"
                    + " finished; with --run-id no RUN is needed, and a shard that has not begun simply begins")
    String resume;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1 <= I <= N) of the cases,"
            + " chosen by a hash of each case id, into the run named by --run-id; see docs/shards.md")
    String shard;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = "${env:EVALGATE_RUN_ID}",
            description = "Create or join the run with this id, so that the shards of N processes write one run"
                    + " (default: EVALGATE_RUN_ID)")
    String runId;

    @Option(names = "--no-rpm-split", description = "Give each shard the target's whole rpm instead of rpm/N,"
            + " for a limit that is per machine (e.g. a model served on each shard's own machine)")
    boolean noRpmSplit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validateFlags();
        Runner.checkSettings();
        Shard part = ShardFlags.validate(shard, runId, resume, noStore);
        try (Suite suite = select(SuiteLoader.standard().load(config, Set.copyOf(targets)))) {
            RunPlan planned = RunPlan.of(suite, limit, sample, seed, concurrency);
            if (part != null) {
                planned = planned.shard(part, runId, !noRpmSplit);
            }
            try (StoreSession session = noStore ? null : part != null
                    ? StoreSession.openShard(suite, store, planned.info(), part, resume != null, !noCache)
                    : StoreSession.open(suite, store, planned.info(), resume, !noCache)) {
                RunPlan plan = session != null && session.resumed() && part == null
                        ? RunPlan.resuming(suite, session.info(), concurrency) : planned;
                return execute(suite, plan, session, out, err);
            }
        }
    }

    private int execute(Suite suite, RunPlan plan, StoreSession session, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        RunInfo info = session == null ? plan.info() : session.info();
        Suite effective = plan.suite();
        Runner runner = (session == null ? new Runner(effective, plan.dataset(), info)
                : new Runner(effective, plan.dataset(), info, session.cache(), session.finished()))
                .warmingHarness(effective.run().warmHarness() && !noWarmHarness,
                        warmed -> progress(warmed.describe(), err));
        ResultsFile results = output == null ? null : ResultsFile.start(output, info);
        JUnitXmlReport junitReport = junit == null ? null : JUnitXmlReport.start(junit, info);
        if (session != null) {
            session.replayFinished(Sinks.of(results, junitReport));
        }
        List<String> targetIds = effective.targets().stream().map(TargetConfig::id).toList();
        long todo = plan.total() * targetIds.size() - (session == null ? 0 : session.finishedCount(targetIds));
        Progress progress = quiet ? Progress.silent() : Progress.to(err, todo, 1);
        if (session != null && session.resumed() && session.finishedCount() > 0 && !quiet) {
            err.println("resuming run " + info.runId() + ": " + session.finishedCount()
                    + " target-case results already stored are skipped");
        }
        Instant started = Instant.now();
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "evalgate-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ResultSink sinks = Sinks.of(session == null ? null : session.writer(), results, junitReport, progress)) {
            RunResult result;
            try {
                result = runner.run(sinks, cancel);
            } catch (Runner.StoppedRunException e) {
                progress.done();
                RunResult partial = finish(session, e.partial(), effective, started);
                finishResults(results, partial, err);
                reports(junitReport, partial, effective, plan);
                new ConsoleSummary(partial, decision(effective, partial, plan)).print(out);
                throw (RuntimeException) e.getCause();
            }
            progress.done();
            result = finish(session, result, effective, started);
            finishResults(results, result, err);
            reports(junitReport, result, effective, plan);
            suite.notes().forEach(note -> out.println("note: " + note));
            new ConsoleSummary(result, decision(effective, result, plan)).print(out);
            if (session != null && session.shard() != null) {
                ShardLines.print(session, result, out);
                if (session.wholeRun() != null) {
                    new ConsoleSummary(session.wholeRun(), decision(effective, session.wholeRun(), plan)).print(out);
                }
            } else if (session != null) {
                out.println("Stored as run " + info.runId() + " in " + session.location()
                        + (result.complete() ? "" : "; continue it with: evalgate run --resume " + info.runId()));
                if (!suite.gate().isEmpty() && !quiet) {
                    out.println(checkHint(suite, info.runId()));
                }
            }
            out.flush();
            return result.complete() ? ExitCode.OK : ExitCode.INTERRUPTED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already exiting and waits for the hook, which we just released
            }
        }
    }

    /** How to apply the gate next, or which gated targets this run left out, since check would refuse it. */
    private static String checkHint(Suite suite, String runId) {
        List<String> ran = suite.targets().stream().map(TargetConfig::id).toList();
        List<String> left = suite.gate().targets().stream().filter(id -> !ran.contains(id)).toList();
        if (left.isEmpty()) {
            return "Apply the suite's gate with: evalgate check " + runId;
        }
        return "The suite's gate covers " + String.join(", ", left) + ", which this run did not run; include "
                + (left.size() == 1 ? "it" : "them") + " (--target " + String.join(" --target ", left)
                + ") to apply the gate with evalgate check";
    }

    private void progress(String line, PrintWriter err) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    private static RunResult finish(StoreSession session, RunResult result, Suite suite, Instant started) {
        return session == null ? result
                : session.finish(result, suite, started, Duration.between(started, Instant.now()));
    }

    private void reports(JUnitXmlReport junitReport, RunResult result, Suite suite, RunPlan plan) {
        if (junitReport != null) {
            junitReport.finish(result);
        }
        String text = MarkdownReport.of(result, decision(suite, result, plan));
        if (markdown != null) {
            Reports.write(markdown, text);
        }
        Reports.appendToStepSummary(text);
    }

    /**
     * Which candidate to ship, judged on every target's metrics against the suite's absolute budgets (the gate was
     * validated when the suite was loaded); nothing is recommended from a run that did not finish.
     */
    private static ShipDecision decision(Suite suite, RunResult result, RunPlan plan) {
        ShipDecision decision = ShipDecision.decide(result.metrics(), suite.gate(), result.info().suite());
        if (result.complete()) {
            return decision;
        }
        long done = result.metrics().stream().mapToLong(m -> m.cases()).sum();
        return decision.incomplete(done, plan.total() * suite.targets().size());
    }

    private static void finishResults(ResultsFile results, RunResult result, PrintWriter err) {
        if (results != null) {
            results.finish(result);
        }
    }

    private void validateFlags() {
        if (limit != null && limit < 1) {
            throw new ConfigException("--limit must be at least 1, but is " + limit);
        }
        if (sample != null && sample < 1) {
            throw new ConfigException("--sample must be at least 1, but is " + sample);
        }
        if (limit != null && sample != null) {
            throw new ConfigException("--limit and --sample cannot be used together; pick one");
        }
        if (noStore && (resume != null || store != null)) {
            throw new ConfigException("--no-store cannot be combined with --store or --resume; pick one");
        }
        if (resume != null && runId == null && (limit != null || sample != null)) {
            throw new ConfigException("--resume continues a run with its own selection of cases; drop --limit/--sample");
        }
        if (concurrency != null && concurrency < 1) {
            throw new ConfigException("--concurrency must be at least 1, but is " + concurrency);
        }
    }

    /**
     * Checks that every --target names a target of the suite; the suite was loaded with only those targets
     * created, so a baseline left out is not trained.
     */
    private Suite select(Suite suite) {
        if (targets.isEmpty()) {
            return suite;
        }
        List<String> loaded = suite.targets().stream().map(TargetConfig::id).toList();
        for (String wanted : targets) {
            if (!loaded.contains(wanted)) {
                suite.close();
                List<String> ids;
                try (Suite whole = SuiteLoader.standard().load(config)) { // only to name the targets there are
                    ids = whole.targets().stream().map(TargetConfig::id).toList();
                }
                String nearest = Suggest.nearest(wanted, ids);
                throw new ConfigException("--target " + wanted + ": the suite " + config + " has no target '" + wanted
                        + "'." + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                        + " Its targets: " + String.join(", ", ids) + ".");
            }
        }
        return suite;
    }
}
