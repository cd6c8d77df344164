package dev.evalgate.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.HarnessOverhead;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.target.StreamTiming;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every store vendor must do alike; subclasses supply a fresh, empty database per test. */
abstract class StoreContract {

    private String url;
    private Store store;

    /** The setting of a new, empty store. */
    protected abstract String newStoreUrl() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        url = newStoreUrl();
        store = Store.open(url);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void round_trips_a_run_with_targets_repeats_errors_unknown_costs_and_metrics() throws Exception {
        RunInfo info = Fixtures.info("run-1", "tickets", 2, "mini", "keywords");
        List<String> caseIds = List.of("b2", "B1", "a-4", "a_3", "err7");
        List<CaseResult> results = new ArrayList<>();
        try (RunWriter writer = store.begin(info, "{\"suite\":\"tickets\",\"api_key\":\"***\"}",
                new GitInfo("abc123", "main", true))) {
            for (String target : List.of("mini", "keywords")) {
                for (String id : caseIds) {
                    CaseResult result = Fixtures.result(target, id, 2);
                    results.add(result);
                    writer.accept(result);
                }
            }
            writer.finish(Fixtures.finished(info, results, true));
        }

        StoredRun run = store.run("run-1").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.info()).isEqualTo(info);
        assertThat(run.configSnapshot()).contains("\"api_key\":\"***\"");
        assertThat(run.summary().git()).isEqualTo(new GitInfo("abc123", "main", true));
        assertThat(run.summary().elapsed()).hasMillis(1234);
        assertThat(run.summary().finished()).isNotNull();
        assertThat(run.metricsJson()).containsOnlyKeys("mini", "keywords");
        JsonNode metrics = new ObjectMapper().readTree(run.metricsJson().get("mini"));
        assertThat(metrics.path("cases").asLong()).isEqualTo(5);
        assertThat(metrics.path("errored").asLong()).isEqualTo(1);
        assertThat(metrics.path("throughputPerSecond").isNull()).as("NaN is stored as null").isTrue();
        assertThat(metrics.path("cost").path("totalUsd").isNull()).as("unknown cost stays unknown").isTrue();

        List<StoredCaseResult> stored;
        try (Stream<StoredCaseResult> stream = store.caseResults("run-1")) {
            stored = stream.toList();
        }
        assertThat(stored).hasSize(20);
        List<String> sortedIds = caseIds.stream().sorted().toList();
        assertThat(stored.stream().filter(s -> s.target().equals("keywords") && s.repeat() == 0)
                .map(StoredCaseResult::caseId)).containsExactlyElementsOf(sortedIds);
        assertThat(stored.getFirst().target()).isEqualTo("keywords");
        for (StoredCaseResult s : stored) {
            assertThat(s.sample()).isEqualTo(Fixtures.sample(s.caseId(), s.repeat()));
            assertThat(s.input()).isEqualTo("input of " + s.caseId());
            assertThat(s.expected()).containsExactly("yes", "y");
            assertThat(s.tags()).containsKey("channel");
            assertThat(s.cached()).isFalse();
        }
        StoredCaseResult errored = stored.stream().filter(s -> s.caseId().equals("err7")).findFirst().orElseThrow();
        assertThat(errored.sample().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(errored.sample().error().kind()).isEqualTo("http_429");
        assertThat(errored.sample().costUsd()).isNull();
        assertThat(errored.sample().usage()).isNull();
    }

    @Test
    void keeps_the_harness_overhead_a_run_measured_and_null_when_it_measured_none() {
        HarnessOverhead overhead = new HarnessOverhead(0.21, 0.38, 50, HarnessOverhead.LOOPBACK);
        for (String runId : List.of("measured", "unmeasured")) {
            RunInfo info = Fixtures.info(runId, "tickets", 1, "mini");
            try (RunWriter writer = store.begin(info, "{}", GitInfo.unknown())) {
                RunResult finished = Fixtures.finished(info, List.of(), true);
                writer.finish(runId.equals("measured") ? finished.withHarness(overhead) : finished);
            }
        }

        assertThat(store.run("measured").orElseThrow().harness()).isEqualTo(overhead);
        assertThat(store.run("unmeasured").orElseThrow().harness()).isNull();
    }

    @Test
    void keeps_the_time_to_first_token_of_streamed_calls_and_none_for_other_calls() {
        RunInfo info = Fixtures.info("streamed", "tickets", 1, "mini");
        Case kase = Case.of("c1", "input", Expected.text("yes"));
        Sample live = new Sample(0, "yes", "yes", Outcome.PASS, 1, List.of(), 240.5, new TokenUsage(9, 11), null, 1,
                null, false, new StreamTiming(40.25, 200.125));
        Sample plain = new Sample(0, "yes", "yes", Outcome.PASS, 1, List.of(), 240.5, null, null, 1, null);
        List<CaseResult> results = List.of(CaseResult.of("mini", kase, List.of(live)),
                CaseResult.of("mini", Case.of("c2", "input", Expected.text("yes")), List.of(plain)));
        try (RunWriter writer = store.begin(info, "{}", GitInfo.unknown())) {
            results.forEach(writer::accept);
            writer.finish(Fixtures.finished(info, results, true));
        }

        List<StoredCaseResult> stored;
        try (Stream<StoredCaseResult> stream = store.caseResults("streamed")) {
            stored = stream.toList();
        }
        assertThat(stored.get(0).sample().stream()).isEqualTo(new StreamTiming(40.25, 200.125));
        assertThat(stored.get(1).sample().stream()).isNull();
        RunRecord record = RunRecords.load(store, "streamed");
        assertThat(record.targets().getFirst().cases()).extracting(CaseRecord::ttftMs)
                .containsExactly(40.25, Double.NaN);
        assertThat(store.run("streamed").orElseThrow().metricsJson().get("mini")).contains("\"ttft\"");
    }

    @Test
    void a_run_loads_as_the_records_its_full_rows_fold_to_though_it_reads_fewer_columns() {
        RunInfo info = Fixtures.info("run-1", "tickets", 2, "mini", "keywords");
        List<CaseResult> results = new ArrayList<>();
        try (RunWriter writer = store.begin(info, "{}", GitInfo.unknown())) {
            for (String target : List.of("mini", "keywords")) {
                for (String id : List.of("b2", "B1", "a-4", "err7")) {
                    CaseResult result = Fixtures.result(target, id, 2);
                    results.add(result);
                    writer.accept(result);
                }
            }
            writer.finish(Fixtures.finished(info, results, true));
        }

        RunRecord loaded = RunRecords.load(store, "run-1");

        List<StoredCaseResult> rows;
        try (Stream<StoredCaseResult> stream = store.caseResults("run-1")) {
            rows = stream.toList();
        }
        for (String target : List.of("mini", "keywords")) {
            Map<String, List<StoredCaseResult>> byCase = new TreeMap<>();
            rows.stream().filter(r -> r.target().equals(target))
                    .forEach(r -> byCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r));
            List<CaseRecord> folded = byCase.values().stream().map(RunRecords::fold).toList();
            assertThat(loaded.target(target).orElseThrow().cases()).isEqualTo(folded).hasSize(4);
        }
    }

    @Test
    void lists_runs_newest_first_and_filters_by_suite_target_and_branch() {
        begin("r1", "tickets", "main", "mini").close();
        begin("r2", "tickets", "feature", "keywords").close();
        begin("r3", "spam", "main", "mini").close();

        assertThat(ids(store.runs(RunFilter.all()))).containsExactly("r3", "r2", "r1");
        assertThat(ids(store.runs(RunFilter.all().suite("tickets")))).containsExactly("r2", "r1");
        assertThat(ids(store.runs(RunFilter.all().target("mini")))).containsExactly("r3", "r1");
        assertThat(ids(store.runs(RunFilter.all().branch("main").suite("tickets")))).containsExactly("r1");
        assertThat(ids(store.runs(RunFilter.all().limit(1)))).containsExactly("r3");
        assertThat(store.runs(RunFilter.all()).getFirst().targets()).containsExactly("mini");
        assertThat(store.run("last").map(StoredRun::runId)).contains("r3");
        assertThat(store.run("no-such-run")).isEqualTo(Optional.empty());
    }

    @Test
    void a_reply_kept_again_under_the_same_key_replaces_the_first_so_no_cache_refreshes() {
        try (StoreResponseCache cache = store.responseCache("tickets")) {
            cache.put("k1", dev.evalgate.target.Reply.of("old", 3, 1));
            cache.flush();
            dev.evalgate.run.ResponseCache.refreshing(cache).put("k1", dev.evalgate.target.Reply.of("new"));
            assertThat(dev.evalgate.run.ResponseCache.refreshing(cache).get("k1")).isEmpty();
        }
        try (StoreResponseCache cache = store.responseCache("tickets")) {
            assertThat(cache.get("k1")).contains(dev.evalgate.target.Reply.of("new"));
        }
    }

    @Test
    void writing_the_same_sample_twice_keeps_the_first_row() {
        try (RunWriter writer = begin("dup", "tickets", "main", "mini")) {
            writer.accept(Fixtures.result("mini", "c2", 1));
            writer.flush();
            writer.accept(Fixtures.result("mini", "c2", 1));
        }
        try (RunWriter resumed = store.resume("dup")) {
            resumed.accept(Fixtures.result("mini", "c2", 1));
            resumed.accept(Fixtures.result("mini", "c4", 1));
        }
        assertThat(caseIds("dup")).containsExactly("c2", "c4");
    }

    @Test
    void two_writers_at_once_both_store_every_sample() throws Exception {
        int samples = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (String runId : List.of("left", "right")) {
                writes.add(pool.submit(() -> writeRun(runId, samples)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String runId : List.of("left", "right")) {
            assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
            try (Stream<StoredCaseResult> stream = store.caseResults(runId)) {
                assertThat(stream.count()).isEqualTo(samples);
            }
        }
    }

    @Test
    void a_writer_closed_without_finish_leaves_the_run_running_with_its_rows() {
        RunWriter writer = begin("crashed", "tickets", "main", "mini");
        writer.accept(Fixtures.result("mini", "c1", 1));
        writer.accept(Fixtures.result("mini", "c2", 1));
        writer.close();

        StoredRun run = store.run("crashed").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.summary().finished()).isNull();
        assertThat(run.metricsJson()).isEmpty();
        assertThat(caseIds("crashed")).containsExactly("c1", "c2");
    }

    @Test
    void finished_keys_name_the_cases_whose_every_repeat_is_stored() {
        try (RunWriter writer = store.begin(Fixtures.info("resume", "tickets", 3, "mini", "keywords"), "{}",
                GitInfo.unknown())) {
            writer.accept(Fixtures.result("mini", "c1", 3));
            writer.accept(Fixtures.result("keywords", "c1", 3));
            CaseResult full = Fixtures.result("mini", "c2", 3);
            writer.accept(new CaseResult("mini", full.kase(), full.samples().subList(0, 2), full.outcome(),
                    full.passFraction(), full.score()));
        }
        assertThat(store.finishedKeys("resume")).containsExactlyInAnyOrder(
                Store.caseKey("mini", "c1"), Store.caseKey("keywords", "c1"));
        assertThat(store.finishedKeys("no-such-run")).isEmpty();
    }

    @Test
    void reopening_a_migrated_store_applies_no_migration_and_keeps_its_runs() {
        // V1 schema, V2 failures index, V3 harness overhead, V4 judge, V5 conversations, V6 shards, V7 time to first
        // token
        assertThat(store.migrationsApplied()).isEqualTo(7);
        begin("kept", "tickets", "main", "mini").close();
        try (Store again = Store.open(url)) {
            assertThat(again.migrationsApplied()).isZero();
            assertThat(again.run("kept")).isPresent();
        }
    }

    private void writeRun(String runId, int samples) {
        RunInfo info = Fixtures.info(runId, "load", 1, "mini");
        List<CaseResult> results = new ArrayList<>();
        try (RunWriter writer = store.begin(info, "{}", GitInfo.unknown())) {
            for (int i = 0; i < samples; i++) {
                CaseResult result = Fixtures.result("mini", "case-" + i, 1);
                writer.accept(result);
                if (i < 100) {
                    results.add(result);
                }
            }
            writer.finish(Fixtures.finished(info, results, true));
        }
    }

    private RunWriter begin(String runId, String suite, String branch, String target) {
        return store.begin(Fixtures.info(runId, suite, 1, target), "{}", new GitInfo("c0ffee", branch, false));
    }

    private List<String> caseIds(String runId) {
        try (Stream<StoredCaseResult> stream = store.caseResults(runId)) {
            return stream.map(StoredCaseResult::caseId).toList();
        }
    }

    private static List<String> ids(List<RunSummary> runs) {
        return runs.stream().map(RunSummary::runId).toList();
    }
}
