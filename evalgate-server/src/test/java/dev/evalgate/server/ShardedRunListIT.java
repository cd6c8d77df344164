package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.run.RunInfo;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's run list says how many shards of a sharded run are complete. */
class ShardedRunListIT {

    @TempDir
    Path dir;

    @Test
    void a_sharded_run_lists_as_running_with_how_many_shards_are_complete() {
        try (Store store = Store.open(dir.resolve("evalgate.db").toString())) {
            RunInfo info = new RunInfo("ci-9", "tickets", "evalgate.yaml", "cases.jsonl", "ab".repeat(32),
                    List.of(new RunInfo.TargetInfo("mini", "command", null, "per_request 0.001", "{}")),
                    List.of("equals"), List.of(), 1, 1, "all", "test-prices", "0.1.0-test");
            for (int shard = 1; shard <= 3; shard++) {
                store.joinShard(info, "", GitInfo.unknown(), shard, 4, false).writer().close();
            }
            store.endShard("ci-9", 1, true, Duration.ofSeconds(1));
            store.endShard("ci-9", 3, true, Duration.ofSeconds(1));
            SyntheticRuns.write(store, "tickets", "plain", 4, GitInfo.unknown(), (t, i) -> true);
            try (DashboardServer server = DashboardServer.start(store, ServerOptions.local())) {
                JsonNode runs = Http.to(server).json("/api/suites/tickets/runs");
                JsonNode sharded = runs.get(0).get("runId").asText().equals("ci-9") ? runs.get(0) : runs.get(1);
                JsonNode plain = sharded == runs.get(0) ? runs.get(1) : runs.get(0);
                assertThat(sharded.get("status").asText()).isEqualTo("running");
                assertThat(sharded.get("shards").asText()).isEqualTo("2 of 4 shards complete");
                assertThat(plain.has("shards")).isFalse();
            }
        }
    }
}
