package dev.evalgate.cli;

import dev.evalgate.calibration.Calibration;
import dev.evalgate.calibration.CalibrationFile;
import dev.evalgate.calibration.CalibrationText;
import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.error.ConfigException;
import dev.evalgate.judge.Judge;
import dev.evalgate.judge.JudgeScorer;
import dev.evalgate.judge.Judgment;
import dev.evalgate.run.ResponseCache;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoreResponseCache;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.SuiteLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code evalgate judge calibrate}: runs a judge scorer over the outputs people labelled, reports how often it agrees
 * with them, and saves the calibration beside the labels so that judged pass rates can be corrected.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Judge the labelled outputs and measure the judge against the people's verdicts.")
final class CalibrateCommand implements Callable<Integer> {

    /** Extra labels the advice line plans for. */
    static final long ADVICE_STEP = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Parameters(index = "0", paramLabel = "SUITE", defaultValue = "evalgate.yaml",
            description = "The suite file (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--scorer", paramLabel = "ID", defaultValue = "judge",
            description = "The judge scorer to calibrate (default: ${DEFAULT-VALUE})")
    String scorer;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "The labels file (default: the scorer's 'labels:', else labels/<scorer>.jsonl beside the"
                    + " suite file)")
    Path labels;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Suite suite = SuiteLoader.standard().load(config, Set.of())) {
            JudgeScorer judged = JudgeScorers.find(suite, scorer);
            Judge judge = judged.judge();
            Path file = labels != null ? labels : judged.labels(); // the file the scorer reads its calibration beside
            List<Label> given = LabelsFile.read(file);
            if (given.isEmpty()) {
                throw new ConfigException("no labels in " + file + "; label a run's outputs first with 'evalgate"
                        + " label last --scorer " + scorer + "', or name the file with --labels");
            }
            Map<String, Case> cases = cases(suite, given);
            List<Label> usable = given.stream().filter(l -> cases.containsKey(l.caseId())).toList();
            if (usable.size() < given.size()) {
                List<String> missing = given.stream().map(Label::caseId).filter(id -> !cases.containsKey(id))
                        .distinct().limit(5).toList();
                out.println((given.size() - usable.size()) + " labels name cases not in the dataset (e.g. "
                        + String.join(", ", missing) + "); they are left out");
            }
            Calibration.Counter counter = Calibration.counter();
            double spent;
            try (Store store = Store.open(storeOption.setting(config));
                 StoreResponseCache cache = store.responseCache(suite.name())) {
                spent = judgeAll(judge.withCache(cache), usable, cases, counter);
            }
            Calibration calibration = new Calibration(scorer, judge.settings().fingerprint(), counter.counts(),
                    counter.judgeErrors(), shown(config, file), Instant.now());
            Path saved = CalibrationFile.beside(file);
            CalibrationFile.write(saved, calibration);
            out.println("Judge scorer '" + scorer + "' (judge '" + judge.settings().judgeId() + "') against "
                    + usable.size() + " labels from " + file + ":");
            for (String line : CalibrationText.lines(calibration, Double.NaN, ADVICE_STEP)) {
                out.println("  " + line);
            }
            out.println("Saved to " + saved + (Double.isNaN(spent) ? "" : String.format(
                    java.util.Locale.ROOT, " (judge spend $%.4f)", spent)) + "; keep it in git beside the labels.");
        }
        return ExitCode.OK;
    }

    /** Judges every label's output at the judge's concurrency; returns what the calls cost (NaN when unknown). */
    private static double judgeAll(Judge judge, List<Label> labels, Map<String, Case> cases,
                                   Calibration.Counter counter) throws InterruptedException {
        int threads = Math.max(1, judge.settings().target().policy().concurrency());
        List<Future<Judgment>> pending = new ArrayList<>(labels.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Label label : labels) {
                Case kase = cases.get(label.caseId());
                pending.add(pool.submit(() -> judge.judge(kase, label.output())));
            }
            double spent = 0;
            for (int i = 0; i < labels.size(); i++) {
                Judgment judgment;
                try {
                    judgment = pending.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("judging label " + (i + 1) + " failed", e.getCause());
                }
                counter.add(labels.get(i).pass(), judgment.error() ? null : judgment.outcome()
                        == dev.evalgate.score.Outcome.PASS);
                Double cost = judgment.grading() == null ? null : judgment.grading().costUsd();
                spent = cost == null || Double.isNaN(spent) ? Double.NaN : spent + cost;
            }
            return spent;
        }
    }

    /** The dataset's cases that labels name, by id. */
    private static Map<String, Case> cases(Suite suite, List<Label> labels) {
        Set<String> wanted = new HashSet<>();
        labels.forEach(l -> wanted.add(l.caseId()));
        Map<String, Case> found = new HashMap<>();
        try (CaseReader reader = suite.dataset().open()) {
            while (reader.hasNext()) {
                Case kase = reader.next();
                if (wanted.contains(kase.id())) {
                    found.put(kase.id(), kase);
                }
            }
        }
        return found;
    }

    /** The labels file as the calibration records it: relative to the suite's folder when inside it, so the file
     * reads the same on every machine that checks it out. */
    private static String shown(Path suiteFile, Path labels) {
        Path dir = suiteFile.toAbsolutePath().getParent();
        Path file = labels.toAbsolutePath().normalize();
        return dir != null && file.startsWith(dir) ? dir.relativize(file).toString() : labels.toString();
    }
}
