package dev.evalgate.store;

import dev.evalgate.error.ConfigException;
import dev.evalgate.run.RunInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shards of one run created, joined and ended at once on a real PostgreSQL: the database keeps them apart. */
class ShardedRunsIT {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void four_shards_creating_one_run_at_once_make_one_run_with_four_shards() throws Exception {
        String url = postgres.freshDatabase("shards");
        RunInfo info = Fixtures.info("ci-1", "s", 1, "a");
        List<ShardJoin> joins = atOnce(4, i -> {
            try (Store store = Store.open(url)) {
                ShardJoin join = store.joinShard(info, "snapshot", GitInfo.unknown(), i + 1, 4, false);
                join.writer().close();
                return join;
            }
        });
        assertThat(joins.stream().filter(ShardJoin::createdRun)).hasSize(1);
        try (Store store = Store.open(url)) {
            assertThat(store.runs(RunFilter.all())).hasSize(1);
            ShardProgress progress = store.shards("ci-1").orElseThrow();
            assertThat(progress.begun()).containsExactlyInAnyOrder(1, 2, 3, 4);
            assertThat(progress.describe()).isEqualTo("0 of 4 shards complete");
        }
    }

    @Test
    void of_four_shards_ending_at_once_exactly_one_sees_the_run_done() throws Exception {
        String url = postgres.freshDatabase("shards");
        try (Store store = Store.open(url)) {
            for (int i = 1; i <= 4; i++) {
                store.joinShard(Fixtures.info("ci-2", "s", 1, "a"), "", null, i, 4, false).writer().close();
            }
        }
        List<ShardProgress> ends = atOnce(4, i -> {
            try (Store store = Store.open(url)) {
                return store.endShard("ci-2", i + 1, true, Duration.ofSeconds(1));
            }
        });
        assertThat(ends.stream().filter(ShardProgress::done)).hasSize(1);
        assertThat(ends.stream().map(p -> p.complete().size())).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void a_shard_with_another_dataset_or_tool_version_is_refused_naming_what_differs() throws Exception {
        String url = postgres.freshDatabase("shards");
        try (Store store = Store.open(url)) {
            store.joinShard(Fixtures.info("ci-3", "s", 1, "a"), "", null, 1, 2, false).writer().close();
            RunInfo base = Fixtures.info("ci-3", "s", 1, "a");
            RunInfo other = new RunInfo(base.runId(), base.suite(), base.suiteFile(), base.datasetFile(),
                    "cd".repeat(32), base.targets(), base.scorers(), base.slices(), base.repeat(), base.seed(),
                    base.selection(), base.priceTable(), "0.2.0");
            assertThatThrownBy(() -> store.joinShard(other, "", null, 2, 2, false))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("--shard 2/2 --run-id ci-3: refused to mix this shard into run ci-3, whose first"
                            + " shard ran something else: dataset sha256 is cdcdcdcdcdcd… here but abababababab… in"
                            + " the run; evalgate version is 0.2.0 here but 0.1.0-test in the run. Run every shard"
                            + " of a run from the same commit, suite and dataset, or use another --run-id");
            assertThatThrownBy(() -> store.joinShard(base, "", null, 1, 3, false))
                    .hasMessageContaining("run ci-3 is split into 2 shards, not 3");
            assertThat(store.shards("ci-3").orElseThrow().begun()).containsExactly(1);
        }
    }

    @Test
    void a_shard_that_began_runs_again_only_with_resume() throws Exception {
        String url = postgres.freshDatabase("shards");
        try (Store store = Store.open(url)) {
            RunInfo info = Fixtures.info("ci-4", "s", 1, "a");
            store.joinShard(info, "", null, 1, 2, false).writer().close();
            assertThatThrownBy(() -> store.joinShard(info, "", null, 1, 2, false))
                    .hasMessageContaining("this shard already began (it is running, attempt 1); re-run a shard that"
                            + " crashed or was stopped with --resume");
            ShardJoin again = store.joinShard(info, "", null, 1, 2, true);
            again.writer().close();
            assertThat(again.resumedShard()).isTrue();
            ShardJoin fresh = store.joinShard(info, "", null, 2, 2, true);
            fresh.writer().close();
            assertThat(fresh.resumedShard()).as("--resume of a shard that never began begins it").isFalse();
        }
    }

    @Test
    void a_run_of_one_process_reports_no_shards() throws Exception {
        try (Store store = Store.open(postgres.freshDatabase("shards"))) {
            store.begin(Fixtures.info("plain", "s", 1, "a"), "", null).close();
            assertThat(store.shards("plain")).isEmpty();
            assertThatThrownBy(() -> store.joinShard(Fixtures.info("plain", "s", 1, "a"), "", null, 1, 2, false))
                    .hasMessageContaining("run plain exists and was not written in shards");
        }
    }

    private interface Task<T> {
        T run(int i) throws Exception;
    }

    /** Runs the task for 0..n-1 on n threads released together. */
    private static <T> List<T> atOnce(int n, Task<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
