package dev.evalgate.cli;

import dev.evalgate.dataset.Shard;
import dev.evalgate.run.RunResult;
import dev.evalgate.store.ShardProgress;

import java.io.PrintWriter;

/** What a shard prints once it ended: where it is stored, how far the run has got, and what to do next. */
final class ShardLines {

    private ShardLines() {
    }

    static void print(StoreSession session, RunResult result, PrintWriter out) {
        Shard shard = session.shard();
        ShardProgress progress = session.shardProgress();
        String runId = session.info().runId();
        String rerun = "evalgate run --shard " + shard + " --run-id " + runId + " --resume";
        out.println("Stored as shard " + shard + " of run " + runId + " in " + session.location() + "; "
                + progress.describe() + (progress.done() ? "" : " (missing: " + progress.describeMissing() + ")"));
        if (!result.complete()) {
            out.println("This shard stopped before its last case; continue it with: " + rerun);
        }
        if (session.wholeRun() != null) {
            out.println("This was the last shard: the whole run's metrics below are computed from every shard's"
                    + " case results.");
        } else if (result.complete()) {
            out.println("The run's metrics are computed when its last shard finishes; gate it then with: evalgate"
                    + " check " + runId + " --wait 30m");
        }
    }
}
