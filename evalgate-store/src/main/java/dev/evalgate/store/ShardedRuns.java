package dev.evalgate.store;

import dev.evalgate.error.ConfigException;
import dev.evalgate.run.RunInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs written by several processes, one shard each: the first creates the run, the others join it, and the
 * database alone keeps them apart (a unique run id, a row per shard, a row lock when a shard ends), so no
 * coordinator is needed and any number may start at once.
 */
final class ShardedRuns {

    private final Database db;

    ShardedRuns(Database db) {
        this.db = db;
    }

    ShardJoin join(RunInfo planned, String configSnapshot, GitInfo git, int index, int count, boolean resume) {
        String runId = planned.runId();
        String shard = index + "/" + count;
        RunInfo[] info = {planned};
        boolean[] created = {false};
        boolean[] resumed = {false};
        try (Connection c = db.writeConnection()) {
            Database.transaction(c, tx -> {
                Instant now = Instant.now();
                created[0] = RunRows.insertIfAbsent(tx, planned, configSnapshot,
                        git == null ? GitInfo.unknown() : git, now);
                if (created[0]) {
                    ShardRows.setCount(tx, runId, count);
                } else {
                    info[0] = joinable(tx, planned, shard, count);
                }
                if (!ShardRows.begin(tx, runId, index, now)) {
                    ShardRows.Row row = ShardRows.row(tx, runId, index);
                    if (!resume) {
                        throw new ConfigException("--shard " + shard + " --run-id " + runId + ": this shard already"
                                + " began (it is " + row.status() + ", attempt " + row.attempts() + "); re-run a shard"
                                + " that crashed or was stopped with --resume, which runs only its missing cases");
                    }
                    ShardRows.reopen(tx, runId, index);
                    resumed[0] = true;
                }
            });
        } catch (SQLException e) {
            throw db.failure("join shard " + shard + " to run " + runId, e);
        }
        return new ShardJoin(new RunWriter(db, runId), info[0], created[0], resumed[0]);
    }

    /** The stored run, when this shard may join it; else a message naming every difference. */
    private static RunInfo joinable(Connection c, RunInfo planned, String shard, int count) throws SQLException {
        String runId = planned.runId();
        int stored = ShardRows.count(c, runId).orElse(0);
        if (stored == 0) {
            throw new ConfigException("--run-id " + runId + ": run " + runId + " exists and was not written in"
                    + " shards; pick a new --run-id for a sharded run, or continue that run with --resume " + runId);
        }
        if (stored != count) {
            throw new ConfigException("--shard " + shard + " --run-id " + runId + ": run " + runId + " is split into "
                    + stored + " shards, not " + count + "; give every shard of one run the same N");
        }
        RunInfo run = RunQueries.run(c, runId).orElseThrow().info();
        List<String> differences = Provenance.differences(run, planned);
        if (!differences.isEmpty()) {
            throw new ConfigException("--shard " + shard + " --run-id " + runId + ": refused to mix this shard into"
                    + " run " + runId + ", whose first shard ran something else: " + String.join("; ", differences)
                    + ". Run every shard of a run from the same commit, suite and dataset, or use another --run-id");
        }
        return run;
    }

    /**
     * Records that the shard ended and returns the run's shard progress after it, counted under the run's row
     * lock: of shards ending at once, exactly one sees the last one finish.
     */
    ShardProgress end(String runId, int index, boolean complete, Duration elapsed) {
        ShardProgress[] progress = {null};
        try (Connection c = db.writeConnection()) {
            Database.transaction(c, tx -> {
                ShardRows.lockRun(tx, runId);
                ShardRows.end(tx, runId, index, complete, Instant.now(), elapsed);
                progress[0] = ShardRows.progress(tx, runId).orElseThrow();
            });
        } catch (SQLException e) {
            throw db.failure("record the end of shard " + index + " of run " + runId, e);
        }
        return progress[0];
    }
}
