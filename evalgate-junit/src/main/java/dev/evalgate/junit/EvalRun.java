package dev.evalgate.junit;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.error.EvalgateException;
import dev.evalgate.report.MarkdownReport;
import dev.evalgate.report.ResultsFile;
import dev.evalgate.run.CancelToken;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.ResultSink;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Runner;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a suite defined in code: the runner, a sink that keeps every case's record, and the report files.
 *
 * <p>Files go to {@code target/evalgate/<suite>.json} and {@code .md} only when the working directory has a
 * {@code target/} folder, as it does under Maven; elsewhere nothing is written, so a test never litters.
 */
final class EvalRun {

    private final Suite suite;
    private final String datasetHash;

    EvalRun(Suite suite, String datasetHash) {
        this.suite = suite;
        this.datasetHash = datasetHash;
    }

    EvalResult run() {
        RunInfo info = info();
        Map<String, List<CaseRecord>> records = new LinkedHashMap<>();
        suite.targets().forEach(t -> records.put(t.id(), new ArrayList<>()));
        Path dir = Path.of("target");
        Path out = Files.isDirectory(dir) ? dir.resolve("evalgate") : null;
        ResultsFile file = out == null ? null : ResultsFile.start(out.resolve(suite.name() + ".json"), info);
        ResultSink sink = result -> keep(records, file, result);
        RunResult result;
        try (suite) {
            result = new Runner(suite, suite.dataset(), info).run(sink, new CancelToken());
            if (file != null) {
                file.finish(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvalgateException("evaluation '" + suite.name() + "' was interrupted before it finished", e);
        } finally {
            if (file != null) {
                file.close(); // after finish() this does nothing; after a failure it keeps the partial file
            }
        }
        if (file != null) {
            writeMarkdown(out.resolve(suite.name() + ".md"), MarkdownReport.of(result));
        }
        return new EvalResult(result, record(info, records));
    }

    private static void keep(Map<String, List<CaseRecord>> records, ResultsFile file, CaseResult result) {
        if (file != null) {
            file.accept(result);
        }
        CaseRecord record = CaseRecord.of(result);
        synchronized (records) {
            records.get(result.target()).add(record);
        }
    }

    private RunInfo info() {
        List<RunInfo.TargetInfo> targets = suite.targets().stream()
                .map(t -> new RunInfo.TargetInfo(t.id(), t.type(), t.model(), t.price().origin(), t.spec())).toList();
        String datasetFile = suite.datasetFile() == null ? "in-memory" : suite.datasetFile().toString();
        return new RunInfo("junit-" + suite.name(), suite.name(), suite.file().toString(), datasetFile, datasetHash,
                targets, suite.scorers().stream().map(ConfiguredScorer::spec).toList(), suite.slices(),
                suite.run().repeat(), suite.run().seed(), "all", "", "evalgate-junit");
    }

    private RunRecord record(RunInfo info, Map<String, List<CaseRecord>> records) {
        List<TargetRecord> targets = new ArrayList<>();
        // completion order varies between runs; case id order makes the record deterministic
        records.forEach((id, cases) -> targets.add(new TargetRecord(id,
                cases.stream().sorted(Comparator.comparing(CaseRecord::caseId)).toList())));
        List<RunRecord.TargetSpec> specs = suite.targets().stream()
                .map((TargetConfig t) -> new RunRecord.TargetSpec(t.id(), t.spec())).toList();
        return new RunRecord(info.runId(), info.suite(), info.datasetSha256(), info.scorers(), specs, targets,
                info.slices());
    }

    private static void writeMarkdown(Path file, String markdown) {
        try {
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvalgateException("cannot write report " + file + ": " + e.getMessage()
                    + ". Check that target/evalgate is writable.", e);
        }
    }
}
