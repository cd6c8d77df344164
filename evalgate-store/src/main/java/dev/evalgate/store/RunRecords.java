package dev.evalgate.store;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.ConfigException;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.Sample;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A stored run read back as the {@link RunRecord} that {@code compare}, the gate and baseline files work on.
 *
 * <p>The samples of one target's case are folded through {@link CaseResult#of} and {@link CaseRecord#of}, the
 * same code a live run uses, so a stored run and the run as it happened give the same records.
 */
public final class RunRecords {

    private RunRecords() {
    }

    /**
     * The run with this id, or the newest run for {@code "last"}, streamed from the store one sample at a time.
     *
     * @throws ConfigException when the store has no such run
     */
    public static RunRecord load(Store store, String runIdOrLast) {
        StoredRun run = find(store, runIdOrLast);
        Map<String, List<CaseRecord>> byTarget = new LinkedHashMap<>();
        run.info().targets().forEach(t -> byTarget.put(t.id(), new ArrayList<>()));
        // A record keeps neither the input nor the scorers' reasons, so they are not read.
        try (Stream<StoredCaseResult> rows = store.caseOutcomes(run.runId())) {
            Iterator<StoredCaseResult> it = rows.iterator();
            List<StoredCaseResult> group = new ArrayList<>();
            while (it.hasNext()) {
                StoredCaseResult row = it.next();
                if (!group.isEmpty() && !sameCase(group.getFirst(), row)) {
                    add(byTarget, group);
                    group = new ArrayList<>();
                }
                group.add(row);
            }
            if (!group.isEmpty()) {
                add(byTarget, group);
            }
        }
        RunInfo info = run.info();
        List<RunRecord.TargetSpec> specs = info.targets().stream()
                .map(t -> new RunRecord.TargetSpec(t.id(), t.spec())).toList();
        List<TargetRecord> targets = new ArrayList<>();
        byTarget.forEach((id, cases) -> targets.add(new TargetRecord(id, cases)));
        return new RunRecord(run.runId(), info.suite(), info.datasetSha256(), info.scorers(), specs, targets,
                info.slices());
    }

    /** The stored run, or a message that says how to find the runs there are. */
    public static StoredRun find(Store store, String runIdOrLast) {
        return store.run(runIdOrLast).orElseThrow(() -> new ConfigException(RunQueries.LAST.equals(runIdOrLast)
                ? "no runs in store " + store.location() + " yet; make one with: evalgate run"
                : "no run '" + runIdOrLast + "' in store " + store.location() + "; list runs with: evalgate runs"));
    }

    private static boolean sameCase(StoredCaseResult a, StoredCaseResult b) {
        return a.target().equals(b.target()) && a.caseId().equals(b.caseId());
    }

    private static void add(Map<String, List<CaseRecord>> byTarget, List<StoredCaseResult> samples) {
        StoredCaseResult first = samples.getFirst();
        byTarget.computeIfAbsent(first.target(), id -> new ArrayList<>()).add(fold(samples));
    }

    /** One case's stored samples (ordered by repeat) as its record, folded as a live run folds them. */
    public static CaseRecord fold(List<StoredCaseResult> samples) {
        StoredCaseResult first = samples.getFirst();
        List<Sample> folded = samples.size() == 1 ? List.of(sample(first))
                : samples.stream().map(RunRecords::sample).toList();
        Case kase = new Case(first.caseId(), Map.of("input", Objects.requireNonNullElse(first.input(), "")),
                Expected.anyOf(first.expected()), first.tags(), null, first.caseId());
        return CaseRecord.of(CaseResult.of(first.target(), kase, folded));
    }

    /** The sample with the row's cached flag, which is what keeps a cached latency out of the mean. */
    private static Sample sample(StoredCaseResult row) {
        Sample s = row.sample();
        if (s.cached() == row.cached()) {
            return s;
        }
        return new Sample(s.repeat(), s.rawOutput(), s.output(), s.outcome(), s.value(), s.scores(),
                row.cached() ? Double.NaN : s.latencyMs(), s.usage(), s.costUsd(), s.attempts(), s.error(),
                row.cached(), s.stream());
    }
}
