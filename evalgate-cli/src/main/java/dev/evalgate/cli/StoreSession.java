package dev.evalgate.cli;

import dev.evalgate.error.ConfigException;
import dev.evalgate.run.ResponseCache;
import dev.evalgate.run.RunInfo;
import dev.evalgate.judge.JudgedRates;
import dev.evalgate.run.RunResult;
import dev.evalgate.store.GitInfo;
import dev.evalgate.dataset.Shard;
import dev.evalgate.store.RunWriter;
import dev.evalgate.store.ShardJoin;
import dev.evalgate.store.ShardProgress;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoreLocation;
import dev.evalgate.store.StoreResponseCache;
import dev.evalgate.store.StoredRun;
import dev.evalgate.suite.Suite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * What a run keeps in the store: the run and its results as they complete, the response cache, and for
 * {@code --resume} the cases already finished.
 */
final class StoreSession implements AutoCloseable {

    private final Store store;
    private final RunWriter writer;
    private final StoreResponseCache cache;
    private final boolean refresh;
    private final RunInfo info;
    private final Set<String> finished;
    private final boolean resumed;
    private Shard shard;
    private ShardProgress shardProgress;
    private RunResult wholeRun;

    private StoreSession(Store store, RunWriter writer, StoreResponseCache cache, boolean refresh, RunInfo info,
                         Set<String> finished, boolean resumed) {
        this.refresh = refresh;
        this.store = store;
        this.writer = writer;
        this.cache = cache;
        this.info = info;
        this.finished = finished;
        this.resumed = resumed;
    }

    /**
     * Opens the suite's store and starts (or, with {@code resume}, reopens) the run. Without {@code useCache} every
     * call is live and its answer replaces the cached one, so the next cached run reads the fresh answers.
     */
    static StoreSession open(Suite suite, String storeOption, RunInfo planned, String resume, boolean useCache) {
        Path suiteDir = suite.file().toAbsolutePath().getParent();
        String location = storeOption != null ? storeOption
                : StoreLocation.resolve(suite.store(), System.getenv(StoreLocation.ENV), suiteDir);
        Store store = Store.open(location);
        try {
            RunInfo info = planned;
            Set<String> finished = Set.of();
            RunWriter writer;
            if (resume != null) {
                StoredRun stored = store.run(resume).orElseThrow(() -> new ConfigException("--resume " + resume
                        + ": no run '" + resume + "' in store " + store.location() + "; list runs with: evalgate runs"));
                if (!stored.info().suite().equals(suite.name())) {
                    throw new ConfigException("--resume " + resume + ": run " + stored.runId() + " is of suite '"
                            + stored.info().suite() + "', not '" + suite.name() + "'");
                }
                info = stored.info();
                requireSameDataset(resume, info, planned);
                finished = store.finishedKeys(info.runId());
                writer = store.resume(info.runId());
            } else {
                writer = store.begin(info, suite.snapshot(), GitInfo.detect(suiteDir));
            }
            return new StoreSession(store, writer, store.responseCache(suite.name()), !useCache, info, finished,
                    resume != null);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens the store and creates or joins the sharded run {@code planned.runId()} as shard {@code shard}; with
     * {@code resume} a shard that began before runs again, skipping its stored cases. Only the shard's own finished
     * cases are counted and replayed.
     */
    static StoreSession openShard(Suite suite, String storeOption, RunInfo planned, Shard shard, boolean resume,
                                  boolean useCache) {
        Path suiteDir = suite.file().toAbsolutePath().getParent();
        String location = storeOption != null ? storeOption
                : StoreLocation.resolve(suite.store(), System.getenv(StoreLocation.ENV), suiteDir);
        Store store = Store.open(location);
        try {
            ShardJoin join = store.joinShard(planned, suite.snapshot(), GitInfo.detect(suiteDir), shard.index(),
                    shard.count(), resume);
            Set<String> finished = !join.resumedShard() ? Set.of() : store.finishedKeys(planned.runId()).stream()
                    .filter(key -> shard.contains(key.substring(key.indexOf('\u0000') + 1)))
                    .collect(Collectors.toUnmodifiableSet());
            StoreSession session = new StoreSession(store, join.writer(), store.responseCache(suite.name()), !useCache,
                    join.info(), finished, join.resumedShard());
            session.shard = shard;
            return session;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * A run's finished cases are only valid for the dataset they were read from: resuming over an edited file would
     * mix old and new cases under the old hash, so a changed file is refused before anything is called.
     */
    private static void requireSameDataset(String resume, RunInfo stored, RunInfo planned) {
        if (stored.datasetSha256() == null || stored.datasetSha256().equals(planned.datasetSha256())) {
            return; // the same bytes (a run stored without a hash cannot be checked)
        }
        String file = planned.datasetFile().equals(stored.datasetFile()) ? "the dataset " + planned.datasetFile()
                : "the dataset (" + stored.datasetFile() + " then, " + planned.datasetFile() + " now)";
        throw new ConfigException("--resume " + resume + ": " + file + " changed since run " + stored.runId()
                + " started (sha256 " + shortHash(stored.datasetSha256()) + " then, "
                + shortHash(planned.datasetSha256()) + " now); resuming would mix old and new cases. Restore the"
                + " file to resume, or start a new run without --resume.");
    }

    private static String shortHash(String sha256) {
        return sha256 == null || sha256.length() <= 12 ? String.valueOf(sha256) : sha256.substring(0, 12) + "…";
    }

    RunInfo info() {
        return info;
    }

    RunWriter writer() {
        return writer;
    }

    ResponseCache cache() {
        return refresh ? ResponseCache.refreshing(cache) : cache;
    }

    String location() {
        return store.location();
    }

    boolean resumed() {
        return resumed;
    }

    int finishedCount() {
        return finished.size();
    }

    /** How many of these targets' (target, case) results earlier sessions finished: the work progress skips. */
    long finishedCount(java.util.Collection<String> targetIds) {
        return finished.stream().filter(key -> targetIds.contains(key.substring(0, key.indexOf('\u0000')))).count();
    }

    /**
     * Hands every result earlier sessions stored to {@code sink}, so files written by a resumed run (results JSON,
     * JUnit XML) hold every case of the run, not only this session's. Call before the run writes new results.
     */
    void replayFinished(dev.evalgate.run.ResultSink sink) {
        if (resumed && !finished.isEmpty()) {
            StoredResults.forEach(store, info.runId(), result -> {
                // only whole cases: the runner calls again any case whose repeats are not all stored
                if (finished.contains(Store.caseKey(result.target(), result.kase().id()))) {
                    sink.accept(result);
                }
            });
        }
    }

    /** True for a (target, case) the resumed run already finished. */
    BiPredicate<String, String> finished() {
        return (target, caseId) -> finished.contains(Store.caseKey(target, caseId));
    }

    /**
     * Marks the run done. A resumed run's metrics are computed again from every stored result, so its summary
     * covers all its sessions.
     */
    RunResult finish(RunResult result, Suite suite, Instant started, Duration elapsed) {
        writer.flush();
        if (shard != null) {
            return finishShard(result, suite, started, elapsed);
        }
        RunResult full = !resumed ? result : corrected(StoredResults.recompute(store, info, suite.slices(),
                suite.classification(), started, elapsed, result.complete()).withHarness(result.harness()), suite);
        writer.finish(full);
        return full;
    }

    /**
     * Records the shard's end; the shard that finds every shard complete computes the whole run's metrics from
     * every stored case result and marks the run complete. Returns the shard's own result (all its sessions').
     */
    private RunResult finishShard(RunResult result, Suite suite, Instant started, Duration elapsed) {
        shardProgress = store.endShard(info.runId(), shard.index(), result.complete(), elapsed);
        RunResult mine = !resumed ? result : corrected(StoredResults.recompute(store, info, suite.slices(),
                suite.classification(), started, elapsed, result.complete(), shard::contains)
                .withHarness(result.harness()), suite);
        if (shardProgress.done()) {
            Instant runStarted = store.run(info.runId()).orElseThrow().summary().started();
            Duration runElapsed = Duration.between(runStarted, Instant.now());
            wholeRun = corrected(StoredResults.recompute(store, info, suite.slices(), suite.classification(),
                    runStarted, runElapsed, true, id -> true), suite);
            writer.finish(wholeRun);
        }
        return mine;
    }

    /**
     * A result recomputed from stored cases with each judge scorer's rate corrected by its calibration, as the
     * runner corrects a run of one session: the stored cases keep verdicts, not calibrations.
     */
    private static RunResult corrected(RunResult r, Suite suite) {
        return new RunResult(r.info(), r.started(), r.elapsed(), r.complete(),
                JudgedRates.apply(r.metrics(), suite.scorers()), r.failures(), r.harness());
    }

    /** The shard this session runs, or null for a run of one process. */
    Shard shard() {
        return shard;
    }

    /** The run's shard progress once this shard ended; null before, and for a run of one process. */
    ShardProgress shardProgress() {
        return shardProgress;
    }

    /** The whole run's result when this shard was the last to finish, else null. */
    RunResult wholeRun() {
        return wholeRun;
    }

    @Override
    public void close() {
        try {
            if (cache != null) {
                cache.close();
            }
            writer.close();
        } finally {
            store.close();
        }
    }
}
