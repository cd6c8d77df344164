package dev.evalgate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.compare.Comparer;
import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.gate.JudgedEvidence;
import dev.evalgate.report.html.GradingRows;
import dev.evalgate.report.html.RunFacts;
import dev.evalgate.report.html.RunView;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.RunStatus;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredJudgedChanges;
import dev.evalgate.store.StoredJudgedRates;
import dev.evalgate.store.StoredRun;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run view JSON of stored runs, built by the report's {@link RunView} without failures (the API pages those
 * from the store), alone or compared with a base run.
 *
 * <p>Building a view reads every case of the run, so views of finished runs — which never change — are kept,
 * a few at a time, as serialized JSON. A run still running is built afresh on every request. The verdict is the
 * head run's own gate, read from its config snapshot ({@link SnapshotGate}); {@code verdictNote} says why there
 * is none when there is none.
 */
final class RunViews {

    /** The bootstrap's seed, fixed so the same two runs always compare to the same intervals. */
    static final long SEED = 1;
    private static final int CACHED_VIEWS = 16;

    private final Store store;
    private final Map<String, CompletableFuture<String>> building = new ConcurrentHashMap<>();
    private final Map<String, String> cache = new LinkedHashMap<>(CACHED_VIEWS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_VIEWS;
        }
    };

    RunViews(Store store) {
        this.store = store;
    }

    StoredRun requireRun(String runId) {
        return store.run(runId).orElseThrow(() -> ApiError.notFound("no run \"" + runId
                + "\" in the store; GET /api/suites/{suite}/runs lists a suite's runs"));
    }

    /** The view JSON of run {@code runId}, compared with {@code baseRunId} unless that is null. */
    String view(String runId, String baseRunId) {
        StoredRun head = requireRun(runId);
        StoredRun base = baseRunId == null ? null : requireRun(baseRunId);
        boolean finished = head.status() != RunStatus.RUNNING && (base == null || base.status() != RunStatus.RUNNING);
        if (!finished) {
            return Responses.write(build(head, base));
        }
        String key = head.runId() + '\u0000' + (base == null ? "" : base.runId());
        synchronized (cache) {
            String json = cache.get(key);
            if (json != null) {
                return json;
            }
        }
        // A first view of a large run takes seconds: a reload or a second tab waits for the build under way
        // instead of starting another.
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = building.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            String json = Responses.write(build(head, base));
            synchronized (cache) {
                cache.put(key, json);
            }
            mine.complete(json);
            return json;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(key, mine);
        }
    }

    private static String await(CompletableFuture<String> build) {
        try {
            return build.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ObjectNode build(StoredRun head, StoredRun base) {
        RunRecord headRecord = RunRecords.load(store, head.runId());
        RunRecord baseRecord = base == null ? null : RunRecords.load(store, base.runId());
        Comparison comparison = base == null ? null
                : new Comparer(Comparer.RESAMPLES, SEED).compare(baseRecord, headRecord);
        // The gate the head run was made with; against a base run its margins are checked too, as
        // `evalgate report --compare` checks them.
        Map<String, Map<String, JudgedRate>> judged = StoredJudgedRates.byScorer(head);
        JudgedEvidence evidence = new JudgedEvidence(judged, base == null ? Map.of()
                : StoredJudgedChanges.of(store, base, head));
        SnapshotGate.Outcome gate = SnapshotGate.judge(head, headRecord, baseRecord, comparison, evidence);
        ObjectNode view = RunView.of(headRecord).facts(facts(head).withNotes(GradingRows.notes(judged)))
                .withoutFailures().verdict(gate.report()).compare(comparison).build();
        view.set("grading", GradingRows.json(head.metricsJson(), judged));
        view.set("judgedChanges", GradingRows.changes(evidence.changes()));
        view.put("verdictNote", gate.note());
        // the scorers whose verdicts a person can label on the labelling page; the run page links to it
        head.info().scorers().stream().map(spec -> spec.split("[{\\s(]", 2)[0])
                .filter(id -> id.equals("judge")).distinct()
                .forEach(view.withArray("judgeScorers")::add);
        return view;
    }

    private static RunFacts facts(StoredRun run) {
        return RunFacts.of(run.info(), run.summary().started(), commit(run.summary().git()));
    }

    /** {@code 1a2b3c4 main dirty}, as {@code evalgate runs} shows it; null when the commit is unknown. */
    static String commit(GitInfo git) {
        if (git == null || git.commit() == null) {
            return null;
        }
        String commit = git.commit().length() > 7 ? git.commit().substring(0, 7) : git.commit();
        return commit + (git.branch() == null ? "" : " " + git.branch())
                + (Boolean.TRUE.equals(git.dirty()) ? " dirty" : "");
    }
}
