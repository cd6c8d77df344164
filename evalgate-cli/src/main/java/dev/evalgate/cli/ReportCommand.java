package dev.evalgate.cli;

import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.Comparer;
import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.JudgedEvidence;
import dev.evalgate.gate.SuiteGate;
import dev.evalgate.report.GateLines;
import dev.evalgate.report.html.HtmlReport;
import dev.evalgate.report.html.RunFacts;
import dev.evalgate.report.html.RunView;
import dev.evalgate.report.html.FailureRows;
import dev.evalgate.report.html.GradingRows;
import dev.evalgate.report.TranscriptText;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;
import dev.evalgate.store.StoredJudgedChanges;
import dev.evalgate.store.StoredJudgedRates;
import dev.evalgate.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code evalgate report}: one stored run as a self-contained HTML file that works offline: the suite's verdict,
 * the candidates, latency, cost, confusion matrix, slices, failures and, with {@code --compare}, what changed.
 * The numbers come from the same code as {@code check} and {@code compare}; this command only gathers them.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a stored run as a self-contained HTML report (works offline).")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", defaultValue = "last",
            description = "A run id, 'last' for the newest run (default), or a baseline file (.json)")
    String run;

    @Option(names = "--compare", paramLabel = "BASE",
            description = "Also compare with this base run: a stored run id, 'last', or a baseline file (.json)")
    String compare;

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "The HTML file to write")
    Path html;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "evalgate.yaml",
            description = "The suite file whose gate gives the verdict, and beside which the store is "
                    + "(default: ${DEFAULT-VALUE}); without the file the report has no verdict")
    Path config;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--stacktrace", description = "Print stack traces of errors")
    boolean stacktrace;

    private Store store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RunSource source = new RunSource(this::store);
            RunRecord head = source.load(run);
            RunRecord base = compare == null ? null : source.load(compare);
            RunView view = RunView.of(head);
            Map<String, Map<String, JudgedRate>> judged = Map.of();
            com.fasterxml.jackson.databind.node.ArrayNode grading = null;
            if (!RunSource.isFile(run)) {
                StoredRun stored = RunRecords.find(store(), head.runId());
                String commit = RunsCommand.git(stored.summary().git());
                judged = StoredJudgedRates.byScorer(stored);
                grading = GradingRows.json(stored.metricsJson(), judged);
                view = view.facts(RunFacts.of(stored.info(), stored.summary().started(),
                                "-".equals(commit) ? null : commit).withHarness(stored.harness())
                                .withNotes(notes(judged, head.runId())))
                        .inputs(failedInputs(store(), head))
                        .transcripts(failedTranscripts(store(), head));
            }
            JudgedEvidence rates = new JudgedEvidence(judged, Map.of());
            if (base != null && !RunSource.isFile(run) && !RunSource.isFile(compare)) {
                rates = StoredJudgedChanges.evidence(store(), head.runId(), base.runId());
            }
            GateReport verdict = null;
            Comparison comparison = null;
            String gateNote = gateNote(head);
            if (gateNote == null) {
                SuiteGate.Evidence evidence = SuiteGate.Evidence.of(head, base, seed);
                try {
                    verdict = new SuiteGate(GateSection.read(config), rates).evaluate(evidence);
                } catch (ConfigException e) {
                    gateNote = e.getMessage();
                }
                comparison = evidence.comparison();
            } else if (base != null) {
                comparison = new Comparer(Comparer.RESAMPLES, seed).compare(base, head);
            }
            com.fasterxml.jackson.databind.node.ObjectNode built = view.verdict(verdict).compare(comparison).build();
            if (grading != null) {
                built.set("grading", grading);
            }
            if (!rates.changes().isEmpty()) {
                built.set("judgedChanges", GradingRows.changes(rates.changes()));
            }
            Reports.write(html, HtmlReport.html(built));
            out.println("Wrote " + html + ": run " + head.runId() + " of suite " + head.suite()
                    + (base == null ? "" : ", compared with " + base.runId())
                    + (verdict == null ? "" : ", verdict " + GateLines.word(verdict.verdict())));
            if (gateNote != null) {
                out.println("note: the report has no verdict: " + gateNote);
            }
            if (!RunSource.isFile(run)) {
                store().shards(head.runId()).filter(p -> p.count() > 1 && !p.done()).ifPresent(p -> out.println(
                        "note: run " + head.runId() + " is " + p.describe() + " (missing " + p.describeMissing()
                                + "); the report covers the cases stored so far"));
            }
            return ExitCode.OK;
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    /** Opens the store once, when a stored run is first asked for. */
    private Store store() {
        if (store == null) {
            store = storeOption.openExisting(config);
        }
        return store;
    }

    /** Why the suite's gate cannot be applied to this run, or null when it can. */
    private String gateNote(RunRecord head) {
        if (!Files.isRegularFile(config)) {
            return "no suite file " + config + " to read the gate from; pass --config <suite.yaml>";
        }
        String suite = suiteName(config);
        if (suite != null && !suite.equals(head.suite())) {
            return config + " is suite '" + suite + "', but run " + head.runId() + " is of suite '" + head.suite()
                    + "'; pass --config with that suite's file";
        }
        return null;
    }

    /** The conversation, as text, of every failed case that ran as one, by target and case id. */
    private static Map<String, String> failedTranscripts(Store store, RunRecord head) {
        Set<String> failed = new HashSet<>();
        head.targets().forEach(t -> t.cases().stream().filter(c -> !c.passed())
                .forEach(c -> failed.add(FailureRows.key(t.target(), c.caseId()))));
        Map<String, String> transcripts = new HashMap<>();
        if (failed.isEmpty()) {
            return transcripts;
        }
        try (Stream<StoredCaseResult> rows = store.caseResults(head.runId())) {
            rows.filter(r -> r.sample().exchange() != null && failed.contains(FailureRows.key(r.target(), r.caseId())))
                    .forEach(r -> transcripts.putIfAbsent(FailureRows.key(r.target(), r.caseId()),
                            String.join("\n", TranscriptText.lines(r.sample().exchange()))));
        }
        return transcripts;
    }

    /** The input text of every case some candidate did not pass, read from the stored case results. */
    private static Map<String, String> failedInputs(Store store, RunRecord head) {
        Set<String> failed = new HashSet<>();
        head.targets().forEach(t -> t.cases().stream().filter(c -> !c.passed()).map(CaseRecord::caseId)
                .forEach(failed::add));
        Map<String, String> inputs = new HashMap<>();
        if (failed.isEmpty()) {
            return inputs;
        }
        try (Stream<StoredCaseResult> rows = store.caseResults(head.runId())) {
            rows.filter(r -> r.input() != null && failed.contains(r.caseId()))
                    .forEach(r -> inputs.putIfAbsent(r.caseId(), r.input()));
        }
        return inputs;
    }

    /** The {@code suite:} name of a suite file, read leniently as {@code check} reads it: unset variables are empty. */
    private static String suiteName(Path file) {
        ConfigNode root = GateSection.tree(file);
        return root instanceof ConfigNode.Mapping map && map.entries().get("suite") instanceof ConfigNode.Scalar s
                && !s.isNull() ? s.value() : null;
    }

    /** What the report says under its title: each judged target's corrected rate, and a sharded run's progress. */
    private List<String> notes(Map<String, Map<String, JudgedRate>> judged, String runId) {
        List<String> lines = new ArrayList<>(GradingRows.notes(judged));
        store().shards(runId).filter(p -> p.count() > 1).ifPresent(p -> lines.add(p.describe()));
        return lines;
    }
}
