package dev.evalgate.cli;

import dev.evalgate.config.Suggest;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Sampling;
import dev.evalgate.error.ConfigException;
import dev.evalgate.report.ConsoleSummary;
import dev.evalgate.report.ResultsFile;
import dev.evalgate.run.CancelToken;
import dev.evalgate.run.ResultSink;
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
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = {"-q", "--quiet"}, description = "No progress; print only the summary")
    boolean quiet;

    @Option(names = "--stacktrace", description = "Print stack traces of errors")
    boolean stacktrace;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validateFlags();
        try (Suite suite = select(SuiteLoader.standard().load(config))) {
            RunPlan plan = RunPlan.of(suite, limit, sample, seed, concurrency);
            if (suite.gate() != null && !quiet) {
                err.println("note: " + suite.file() + " has a 'gate:' section; 'evalgate run' measures but does not"
                        + " judge, and the gate command is not available in this version, so the gate is not applied.");
            }
            Suite effective = plan.suite();
            Runner runner = new Runner(effective, plan.dataset(), plan.info());
            ResultsFile results = output == null ? null : ResultsFile.start(output, plan.info());
            Progress progress = quiet ? Progress.silent() : Progress.to(err, plan.total(), effective.targets().size());
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
            try (ResultSink sinks = Sinks.of(results, progress)) {
                RunResult result;
                try {
                    result = runner.run(sinks, cancel);
                } catch (Runner.StoppedRunException e) {
                    progress.done();
                    finishResults(results, e.partial(), err);
                    new ConsoleSummary(e.partial()).print(out);
                    throw (RuntimeException) e.getCause();
                }
                progress.done();
                finishResults(results, result, err);
                new ConsoleSummary(result).print(out);
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
        if (concurrency != null && concurrency < 1) {
            throw new ConfigException("--concurrency must be at least 1, but is " + concurrency);
        }
    }

    /** Keeps only the targets named by --target, closing the others. */
    private Suite select(Suite suite) {
        if (targets.isEmpty()) {
            return suite;
        }
        List<String> ids = suite.targets().stream().map(TargetConfig::id).toList();
        for (String wanted : targets) {
            if (!ids.contains(wanted)) {
                suite.close();
                String nearest = Suggest.nearest(wanted, ids);
                throw new ConfigException("--target " + wanted + ": the suite " + config + " has no target '" + wanted
                        + "'." + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                        + " Its targets: " + String.join(", ", ids) + ".");
            }
        }
        List<TargetConfig> kept = new ArrayList<>();
        for (TargetConfig t : suite.targets()) {
            if (targets.contains(t.id())) {
                kept.add(t);
            } else {
                t.target().close();
            }
        }
        return suite.withTargets(kept);
    }
}
