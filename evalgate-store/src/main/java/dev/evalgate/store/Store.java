package dev.evalgate.store;

import dev.evalgate.error.ConfigException;
import dev.evalgate.run.RunInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The database of runs and their case results: a SQLite file by default, PostgreSQL for a team.
 *
 * <p>Opening migrates the schema to the newest version (a no-op when it is current). Writes go through a
 * {@link RunWriter} per run; any number of writers, in this process or others, may write to one store at once.
 * A store holds no open connection of its own, so it is cheap to keep and safe to share between threads.
 */
public final class Store implements AutoCloseable {

    private final Database db;
    private final int migrationsApplied;

    private Store(Database db, int migrationsApplied) {
        this.db = db;
        this.migrationsApplied = migrationsApplied;
    }

    /**
     * Opens the store a setting names: a file path or {@code jdbc:sqlite:<file>} (SQLite, created if missing),
     * or {@code jdbc:postgresql://...} (PostgreSQL, the database must exist).
     *
     * @throws ConfigException when the setting is none of those forms
     * @throws StoreException  when the database cannot be reached or migrated
     */
    public static Store open(String jdbcUrlOrPath) {
        Database db = Database.of(jdbcUrlOrPath);
        return new Store(db, db.migrate());
    }

    /** The key {@link #finishedKeys} uses for one target's case. */
    public static String caseKey(String target, String caseId) {
        return target + '\u0000' + caseId;
    }

    /** Stores a new run as 'running' and returns the writer for its case results. */
    /** The response cache in this store; close it after the run to write the last replies. */
    public StoreResponseCache responseCache(String suite) {
        return new StoreResponseCache(db, suite);
    }

    public RunWriter begin(RunInfo info, String configSnapshot, GitInfo git) {
        return begin(info, configSnapshot, git, null);
    }

    /** Starts a run made from another one (a rescore); {@code derivedFrom} is that run's id, kept as a link. */
    public RunWriter begin(RunInfo info, String configSnapshot, GitInfo git, String derivedFrom) {
        try (Connection c = db.writeConnection()) {
            Database.transaction(c, tx -> RunRows.insert(tx, info, configSnapshot,
                    git == null ? GitInfo.unknown() : git, Instant.now(), derivedFrom));
        } catch (SQLException e) {
            throw db.failure("store the start of run " + info.runId(), e);
        }
        return new RunWriter(db, info.runId());
    }

    /**
     * Reopens a stored run to write the cases it is missing (see {@link #finishedKeys}); samples already
     * stored are left as they are.
     *
     * @throws ConfigException when the store has no run with that id
     */
    public RunWriter resume(String runId) {
        try (Connection c = db.writeConnection()) {
            boolean found = RunRows.reopen(c, runId);
            if (!found) {
                throw new ConfigException("store " + db.displayUrl() + ": no run \"" + runId
                        + "\" to resume; `evalgate runs` lists the stored runs");
            }
        } catch (SQLException e) {
            throw db.failure("reopen run " + runId, e);
        }
        return new RunWriter(db, runId);
    }

    /**
     * Creates the sharded run or joins it, and begins shard {@code index} of {@code count} in it. The run's id is
     * {@code planned.runId()}; a shard whose provenance differs from the stored run's is refused.
     *
     * @param resume whether a shard that began before may run again (its stored cases are kept)
     * @throws ConfigException naming what differs, or that the shard already began and {@code resume} is false
     */
    public ShardJoin joinShard(RunInfo planned, String configSnapshot, GitInfo git, int index, int count,
                               boolean resume) {
        return new ShardedRuns(db).join(planned, configSnapshot, git, index, count, resume);
    }

    /** Records that a shard ended, complete or not, and returns the run's shard progress after it. */
    public ShardProgress endShard(String runId, int index, boolean complete, java.time.Duration elapsed) {
        return new ShardedRuns(db).end(runId, index, complete, elapsed);
    }

    /** Which shards of a sharded run finished; empty for a run written by one process. */
    public Optional<ShardProgress> shards(String runId) {
        return read("read the shards of run " + runId, c -> ShardRows.progress(c, runId));
    }

    /** Runs matching the filter, newest first. */
    public List<RunSummary> runs(RunFilter filter) {
        return read("list runs", c -> RunQueries.runs(c, filter));
    }

    /** The run with this id, or the newest run for {@code "last"}. */
    public Optional<StoredRun> run(String runIdOrLast) {
        return read("read run " + runIdOrLast, c -> RunQueries.run(c, runIdOrLast));
    }

    /**
     * The run's stored samples ordered by target, case id and repeat, read as the stream is consumed.
     * Close the stream (try-with-resources): it holds a database connection.
     */
    public Stream<StoredCaseResult> caseResults(String runId) {
        return CaseResultCursor.open(db, runId, SampleReader.Detail.FULL);
    }

    /** {@link #caseResults} without each sample's input, raw output and scores: what a case's record needs. */
    Stream<StoredCaseResult> caseOutcomes(String runId) {
        return CaseResultCursor.open(db, runId, SampleReader.Detail.OUTCOMES);
    }

    /** Every suite with runs in the store, by name, with its run count and newest run. */
    public List<SuiteSummary> suites() {
        return read("list suites", DashboardQueries::suites);
    }

    /** The suite's newest {@code limit} runs, oldest first, each with its targets' metrics. */
    public List<StoredRun> history(String suite, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return read("read the runs of suite " + suite, c -> DashboardQueries.recent(c, suite, limit));
    }

    /** One page of the run's samples that failed or errored, counted and paged in the database. */
    public FailurePage failures(String runId, FailureFilter filter) {
        return read("read the failures of run " + runId, c -> DashboardQueries.failures(c, runId, filter));
    }

    /** {@link #caseKey} of each target's case whose every repeat is stored: what a resumed run skips. */
    public Set<String> finishedKeys(String runId) {
        return read("read the finished cases of run " + runId, c -> RunQueries.finishedKeys(c, runId));
    }

    /** Where the store is, with any password masked. */
    public String location() {
        return db.displayUrl();
    }

    int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public void close() {
        // Connections are opened per operation and per writer, so there is nothing pooled to release.
    }

    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String doing, Query<T> query) {
        try (Connection c = db.readConnection()) {
            try {
                return query.run(c);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw db.failure(doing, e);
        }
    }
}
