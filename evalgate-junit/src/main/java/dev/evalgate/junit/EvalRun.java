package dev.evalgate.junit;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.error.EvalgateException;
import dev.evalgate.files.AtomicFile;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.report.MarkdownReport;
import dev.evalgate.report.ResultsFile;
import dev.evalgate.run.CancelToken;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Runner;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.RunWriter;
import dev.evalgate.store.Store;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a suite: the runner, a sink that keeps every case's record, the store and the report files.
 *
 * <p>Files go to {@code target/evalgate/<suite>.json} and {@code .md} only when the working directory has a
 * {@code target/} folder, as it does under Maven; elsewhere nothing is written, so a test never litters. Calls are
 * never answered from the response cache: a test checks the code as it is now.
 *
 * @param cases the cases to run: the suite's own, or the sample its {@code run:} options select
 * @param store the store setting ({@link Store#open}), or null to keep nothing
 * @param home  the folder whose git commit is recorded with the stored run
 */
record EvalRun(Suite suite, Dataset cases, RunInfo info, GateConfig gate, String store, Path home) {

    /** Where the report files go under the working directory, or null when it has no {@code target/} folder. */
    static Path reportDir() {
        Path target = Path.of("target");
        return Files.isDirectory(target) ? target.resolve("evalgate") : null;
    }

    EvalResult run() {
        Map<String, List<CaseRecord>> records = new LinkedHashMap<>();
        suite.targets().forEach(t -> records.put(t.id(), new ArrayList<>()));
        Path out = reportDir();
        ResultsFile file = null;
        RunWriter writer = null;
        String storedIn = null;
        RunResult result;
        try (suite) {
            if (store != null) {
                Store opened = Store.open(store);
                storedIn = opened.location();
                writer = opened.begin(info, suite.snapshot(), GitInfo.detect(home));
            }
            file = out == null ? null : ResultsFile.start(out.resolve(suite.name() + ".json"), info);
            ResultsFile results = file;
            RunWriter stored = writer;
            result = new Runner(suite, cases, info).run(r -> keep(records, results, stored, r), new CancelToken());
            if (file != null) {
                file.finish(result);
            }
            if (writer != null) {
                writer.finish(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvalgateException("evaluation '" + suite.name() + "' was interrupted before it finished", e);
        } finally {
            if (file != null) {
                file.close(); // after finish() this does nothing; after a failure it keeps the partial file
            }
            if (writer != null) {
                writer.close(); // an unfinished run stays 'running' in the store, its results kept
            }
        }
        if (out != null) {
            write(out.resolve(suite.name() + ".md"), MarkdownReport.of(result));
        }
        return new EvalResult(result, record(records), gate, out, storedIn);
    }

    private static void keep(Map<String, List<CaseRecord>> records, ResultsFile file, RunWriter writer,
                             CaseResult result) {
        if (file != null) {
            file.accept(result);
        }
        if (writer != null) {
            writer.accept(result);
        }
        CaseRecord record = CaseRecord.of(result);
        synchronized (records) {
            records.get(result.target()).add(record);
        }
    }

    private RunRecord record(Map<String, List<CaseRecord>> records) {
        List<TargetRecord> targets = new ArrayList<>();
        // completion order varies between runs; case id order is the store's, so both give the same record
        records.forEach((id, kept) -> targets.add(new TargetRecord(id,
                kept.stream().sorted(Comparator.comparing(CaseRecord::caseId)).toList())));
        List<RunRecord.TargetSpec> specs = suite.targets().stream()
                .map((TargetConfig t) -> new RunRecord.TargetSpec(t.id(), t.spec())).toList();
        return new RunRecord(info.runId(), info.suite(), info.datasetSha256(), info.scorers(), specs, targets,
                info.slices());
    }

    static void write(Path file, String text) {
        try {
            AtomicFile.writeString(file, text);
        } catch (IOException e) {
            throw new EvalgateException("cannot write report " + file + ": " + e.getMessage()
                    + ". Check that " + file.getParent() + " is writable.", e);
        }
    }
}
