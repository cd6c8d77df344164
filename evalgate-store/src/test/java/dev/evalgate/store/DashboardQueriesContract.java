package dev.evalgate.store;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's queries on every store vendor; subclasses supply a fresh, empty database per test. */
abstract class DashboardQueriesContract {

    private Store store;

    protected abstract String newStoreUrl() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = Store.open(newStoreUrl());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void lists_suites_with_run_counts_and_the_newest_run() {
        write("t-1", "tickets", 4);
        write("t-2", "tickets", 4);
        write("f-1", "faq", 4);

        assertThat(store.suites()).extracting(SuiteSummary::name, SuiteSummary::runs, SuiteSummary::lastRunId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("faq", 1L, "f-1"),
                        org.assertj.core.groups.Tuple.tuple("tickets", 2L, "t-2"));
    }

    @Test
    void history_gives_the_newest_runs_oldest_first_with_metrics() {
        for (int i = 1; i <= 5; i++) {
            write("t-" + i, "tickets", 4);
        }
        List<StoredRun> runs = store.history("tickets", 3);
        assertThat(runs).extracting(StoredRun::runId).containsExactly("t-3", "t-4", "t-5");
        assertThat(runs.getFirst().metricsJson()).containsKeys("mini", "keywords");
    }

    @Test
    void pages_through_failed_and_errored_samples_in_key_order_with_a_total() {
        // cases c0..c9 plus err0: odd ids fail, err0 errors, so 6 not-passed per target, 12 in all
        write("t-1", "tickets", 10);

        FailurePage first = store.failures("t-1", new FailureFilter(null, null, 0, 5));
        FailurePage rest = store.failures("t-1", new FailureFilter(null, null, 5, 50));

        assertThat(first.total()).isEqualTo(12);
        assertThat(rest.total()).isEqualTo(12);
        List<String> keys = new ArrayList<>();
        first.rows().forEach(r -> keys.add(r.target() + "/" + r.caseId()));
        rest.rows().forEach(r -> keys.add(r.target() + "/" + r.caseId()));
        assertThat(keys).containsExactly("keywords/c1", "keywords/c3", "keywords/c5", "keywords/c7", "keywords/c9",
                "keywords/err0", "mini/c1", "mini/c3", "mini/c5", "mini/c7", "mini/c9", "mini/err0");
        assertThat(store.failures("t-1", new FailureFilter(null, null, 12, 5)).rows()).isEmpty();
    }

    @Test
    void filters_failures_by_target_and_by_text_in_any_case() {
        write("t-1", "tickets", 10);

        FailurePage mini = store.failures("t-1", new FailureFilter("mini", null, 0, 50));
        FailurePage rateLimited = store.failures("t-1", new FailureFilter(null, "RATE limited", 0, 50));
        FailurePage c7 = store.failures("t-1", new FailureFilter("keywords", "input of c7", 0, 50));

        assertThat(mini.total()).isEqualTo(6);
        assertThat(mini.rows()).allMatch(r -> r.target().equals("mini"));
        assertThat(rateLimited.rows()).extracting(StoredCaseResult::caseId).containsExactly("err0", "err0");
        assertThat(c7.rows()).extracting(StoredCaseResult::target, StoredCaseResult::caseId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("keywords", "c7"));
    }

    @Test
    void search_takes_like_wildcards_literally() {
        write("t-1", "tickets", 10);

        assertThat(store.failures("t-1", new FailureFilter(null, "%", 0, 50)).total()).isZero();
        assertThat(store.failures("t-1", new FailureFilter(null, "_", 0, 50)).total()).isZero();
    }

    private void write(String runId, String suite, int cases) {
        RunInfo info = Fixtures.info(runId, suite, 1, "mini", "keywords");
        List<CaseResult> results = new ArrayList<>();
        try (RunWriter writer = store.begin(info, "{}", GitInfo.unknown())) {
            for (String target : List.of("mini", "keywords")) {
                for (int i = 0; i < cases; i++) {
                    results.add(Fixtures.result(target, "c" + i, 1));
                }
                results.add(Fixtures.result(target, "err0", 1));
            }
            results.forEach(writer::accept);
            writer.finish(Fixtures.finished(info, results, true));
        }
    }
}
