package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.gate.GateReport;

import java.util.Map;
import java.util.Objects;

/**
 * The run view: one run's numbers as the JSON that {@code run-view.js} draws, shared by the HTML report and the
 * dashboard (keys documented in docs/api.md).
 *
 * <p>Built from what the store gives, with optional parts added one call at a time; each call returns a new view:
 * <pre>{@code
 * ObjectNode json = RunView.of(RunRecords.load(store, id))
 *         .facts(RunFacts.of(stored.info(), stored.summary().started(), commit))
 *         .inputs(inputByCaseId)          // for the failure rows; optional
 *         .verdict(gateReport)            // null or absent: no verdict section
 *         .compare(comparison)            // null or absent: no comparison section
 *         .withoutFailures()              // the server pages failures itself
 *         .build();
 * }</pre>
 *
 * <p>Keys (camelCase; NaN and infinities are null): {@code suite, runId, startedAt, commit, verdict,
 * targets[] {id, n, passed, errors, passRate, passLo, passHi, p50, p95, costPerRequest, errorRate, local,
 * onFrontier}, latency[] {target, live, cached, p50, p95, max, cdf[[ms, fraction]]}, confusion} (null, or per
 * target {@code {target, labels[], columns[], counts[][]}}: rows are expected labels, columns the labels plus
 * {@code (other)} and {@code (error)} when used), {@code slices[] {key, value, targets[] {id, n, passed, passRate,
 * passLo, passHi}}}, {@code failures[]} (rows of {@link FailureRows#row}; absent without failures) and
 * {@code compare} (null, or {@code {baseRunId, headRunId, resamples, seed, warnings[], targets[], flips[]}}).
 * {@code verdict} is null or {@code {status, word, failsBuild, lines[] {verdict, scope, measure, text}, notes[]}}.
 */
public final class RunView {

    private final RunRecord run;
    private final RunFacts facts;
    private final Map<String, String> inputs;
    private final GateReport verdict;
    private final Comparison comparison;
    private final boolean failures;
    private final Map<String, String> transcripts;

    private RunView(RunRecord run, RunFacts facts, Map<String, String> inputs, GateReport verdict,
                    Comparison comparison, boolean failures) {
        this(run, facts, inputs, verdict, comparison, failures, Map.of());
    }

    private RunView(RunRecord run, RunFacts facts, Map<String, String> inputs, GateReport verdict,
                    Comparison comparison, boolean failures, Map<String, String> transcripts) {
        this.transcripts = Map.copyOf(transcripts);
        this.run = Objects.requireNonNull(run, "run");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.inputs = Map.copyOf(inputs);
        this.verdict = verdict;
        this.comparison = comparison;
        this.failures = failures;
    }

    /** The view of {@code run} alone: no facts, inputs, verdict or comparison; failures included. */
    public static RunView of(RunRecord run) {
        return new RunView(run, RunFacts.none(), Map.of(), null, null, true);
    }

    /** When the run started, its commit and which targets are local. */
    public RunView facts(RunFacts facts) {
        return new RunView(run, facts, inputs, verdict, comparison, failures, transcripts);
    }

    /** Case id → input text, shown in the failure rows; the run record itself does not keep inputs. */
    public RunView inputs(Map<String, String> inputByCaseId) {
        return new RunView(run, facts, inputByCaseId, verdict, comparison, failures, transcripts);
    }

    /**
     * {@link FailureRows#key target and case id} → the conversation of that failed case as text (each turn, each
     * tool call with its arguments and scripted result), shown when its failure row is opened.
     */
    public RunView transcripts(Map<String, String> byTargetAndCase) {
        return new RunView(run, facts, inputs, verdict, comparison, failures, byTargetAndCase);
    }

    /** The suite's gate applied to this run, or null for none. */
    public RunView verdict(GateReport report) {
        return new RunView(run, facts, inputs, report, comparison, failures, transcripts);
    }

    /** This run (head) compared with a base run, or null for none; its head must be this run. */
    public RunView compare(Comparison comparison) {
        if (comparison != null && !comparison.headRunId().equals(run.runId())) {
            throw new IllegalArgumentException("the comparison's head is run " + comparison.headRunId()
                    + ", not this view's run " + run.runId());
        }
        return new RunView(run, facts, inputs, verdict, comparison, failures, transcripts);
    }

    /** Leaves {@code failures} out, for a client that pages them from the server. */
    public RunView withoutFailures() {
        return new RunView(run, facts, inputs, verdict, comparison, false, transcripts);
    }

    /** The view JSON. */
    public ObjectNode build() {
        ObjectNode view = ViewJson.object();
        view.put("suite", run.suite());
        view.put("runId", run.runId());
        if (facts.startedAt() == null) {
            view.putNull("startedAt");
        } else {
            view.put("startedAt", facts.startedAt().toString());
        }
        view.put("commit", facts.commit());
        view.put("harness", facts.harness() == null ? null : facts.harness().describe());
        ArrayNode notes = view.putArray("notes");
        facts.notes().forEach(notes::add);
        view.set("verdict", verdict == null ? null : VerdictView.json(verdict));
        view.set("targets", TargetRows.json(TargetRows.figures(run.targets(), facts.localTargets())));
        view.set("latency", LatencyCurves.json(run.targets()));
        ArrayNode confusion = ConfusionMatrix.json(run);
        view.set("confusion", confusion);
        view.set("slices", SliceRows.json(run));
        if (failures) {
            view.set("failures", FailureRows.json(run, inputs, transcripts));
        }
        view.set("compare", comparison == null ? null : CompareView.json(comparison));
        return view;
    }
}
