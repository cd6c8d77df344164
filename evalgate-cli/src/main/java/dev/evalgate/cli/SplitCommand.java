package dev.evalgate.cli;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.DatasetFiles;
import dev.evalgate.error.ConfigException;
import dev.evalgate.files.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code evalgate split}: divides a dataset into train and test JSON Lines files, stratified and leak-free.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Split a dataset into <name>.train.jsonl and <name>.test.jsonl, keeping equal texts together.")
final class SplitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "A .jsonl, .csv or .yaml dataset file")
    Path data;

    @Option(names = "--test", required = true, paramLabel = "SHARE", description = "Share of cases to test on, e.g. 0.2")
    double test;

    @Option(names = "--stratify", defaultValue = "expected", paramLabel = "expected|none",
            description = "Keep each expected label's share on both sides (default), or shuffle all cases")
    String stratify;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same split")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the two files; default: beside DATA")
    Path out;

    @Option(names = "--force", description = "Replace output files that already exist")
    boolean force;

    @Option(names = "--config", paramLabel = "SUITE",
            description = "A suite whose dataset: { path, input, expected, id } mapping names DATA's columns")
    Path config;

    @Mixin
    DatasetColumns columns;

    @Override
    public Integer call() throws IOException {
        if (!(test > 0 && test < 1)) {
            throw new ConfigException("--test must be a share between 0 and 1 (exclusive), e.g. 0.2; got " + test);
        }
        if (!stratify.equals("expected") && !stratify.equals("none")) {
            throw new ConfigException("--stratify must be 'expected' or 'none'; got '" + stratify + "'");
        }
        Dataset dataset = DatasetFiles.open(data, columns.names(data, config));
        String name = baseName(data);
        Path dir = out != null ? out : data.toAbsolutePath().getParent();
        Path trainFile = dir.resolve(name + ".train.jsonl");
        Path testFile = dir.resolve(name + ".test.jsonl");
        List<Path> existing = Stream.of(trainFile, testFile).filter(Files::exists).toList();
        if (!existing.isEmpty() && !force) {
            throw new ConfigException(existing.stream().map(Path::toString).collect(Collectors.joining(" and "))
                    + (existing.size() == 1 ? " already exists" : " already exist") + "; split writes only new "
                    + "files. Pass --force to replace them, or --out DIR to write elsewhere.");
        }
        SplitPlan plan = SplitPlan.choose(dataset, test, stratify.equals("expected"), seed);
        Files.createDirectories(dir);
        Map<String, int[]> perLabel = write(dataset, plan, trainFile, testFile);
        report(plan, perLabel, trainFile, testFile);
        return ExitCode.OK;
    }

    /** Writes both files in file order and returns the train and test counts per expected label. */
    private Map<String, int[]> write(Dataset dataset, SplitPlan plan, Path trainFile, Path testFile) throws IOException {
        Map<String, int[]> perLabel = new LinkedHashMap<>();
        Set<String> trainTexts = new HashSet<>();
        Set<String> testTexts = new HashSet<>();
        try (CaseReader reader = dataset.open();
             AtomicFile trainPart = AtomicFile.open(trainFile);
             AtomicFile testPart = AtomicFile.open(testFile)) {
            try (Writer train = trainPart.writer(); Writer test = testPart.writer()) {
                for (int ordinal = 0; reader.hasNext(); ordinal++) {
                    Case kase = reader.next();
                    int side = plan.test().get(ordinal) ? 1 : 0;
                    (side == 1 ? test : train).write(CaseJson.line(kase) + "\n");
                    (side == 1 ? testTexts : trainTexts).add(SplitPlan.normalised(kase.input()));
                    perLabel.computeIfAbsent(kase.expected().primary(), label -> new int[2])[side]++;
                }
            }
            trainTexts.retainAll(testTexts);
            if (!trainTexts.isEmpty()) {
                // cannot happen while equal texts share a group; checked anyway because a leak silently inflates
                throw new IllegalStateException("leak check failed: " + trainTexts.size()
                        + " input texts are in both files, e.g. '" + trainTexts.iterator().next() + "'");
            }
            trainPart.commit();
            testPart.commit();
        }
        return perLabel;
    }

    private void report(SplitPlan plan, Map<String, int[]> perLabel, Path trainFile, Path testFile) {
        PrintWriter pw = spec.commandLine().getOut();
        int tests = plan.test().cardinality();
        pw.printf(Locale.ROOT, "Split %d cases (seed %d, %s): train %d, test %d%n", plan.cases(), seed,
                stratify.equals("expected") ? "stratified by expected" : "not stratified", plan.cases() - tests, tests);
        StringJoiner labels = new StringJoiner(", ", "  train/test per label: ", "");
        perLabel.forEach((label, n) -> labels.add((label.isEmpty() ? "(none)" : label) + " " + n[0] + "/" + n[1]));
        pw.println(labels);
        pw.printf(Locale.ROOT, "  leak check: no input text in both files; %d duplicate text group%s kept together%n",
                plan.duplicateGroups(), plan.duplicateGroups() == 1 ? "" : "s");
        pw.println("Wrote " + trainFile + " and " + testFile);
    }

    /** The file name without its extension: {@code data/cases.jsonl} gives {@code cases}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
