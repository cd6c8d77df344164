package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.Proportion;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The JSON API over a store holding 20 runs of one suite and one run of another, on a real server. */
class DashboardApiIT {

    private static final int CASES = 200;

    @TempDir
    static Path dir;
    private static Store store;
    private static DashboardServer server;
    private static Http http;

    /** Run k of "tickets": mini passes cases below 100 + 4k, keywords every even case. */
    @BeforeAll
    static void writeRunsAndStart() {
        store = Store.open(dir.resolve("evalgate.db").toString());
        for (int k = 1; k <= 20; k++) {
            int passing = 100 + 4 * k;
            SyntheticRuns.write(store, "tickets", runId(k), CASES, new GitInfo(commit(k), "main", k == 20),
                    (t, i) -> t == 0 ? i < passing : i % 2 == 0);
        }
        SyntheticRuns.write(store, "faq", "faq-1", 10, GitInfo.unknown(), (t, i) -> i % 2 == 0);
        server = DashboardServer.start(store, ServerOptions.local());
        http = Http.to(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static String runId(int k) {
        return String.format("run-%02d", k);
    }

    static String commit(int k) {
        return String.format("%07x", 0xc0ffee0 + k) + "0123456789abcdef0123456789abcdef0";
    }

    @Test
    void suites_lists_each_suite_with_its_run_count_and_newest_run() {
        JsonNode suites = http.json("/api/suites");

        assertThat(suites).hasSize(2);
        assertThat(suites.get(0).get("name").asText()).isEqualTo("faq");
        assertThat(suites.get(1).get("name").asText()).isEqualTo("tickets");
        assertThat(suites.get(1).get("runs").asInt()).isEqualTo(20);
        assertThat(suites.get(1).get("lastRunId").asText()).isEqualTo("run-20");
        assertThat(suites.get(1).get("lastStartedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void suite_runs_are_the_newest_oldest_first_with_each_targets_pass_rate_interval_p95_and_cost() {
        JsonNode runs = http.json("/api/suites/tickets/runs");

        List<String> ids = new ArrayList<>();
        runs.forEach(r -> ids.add(r.get("runId").asText()));
        assertThat(ids).containsExactly(java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(DashboardApiIT::runId).toArray(String[]::new));
        JsonNode run7 = runs.get(6);
        assertThat(run7.get("commit").asText()).isEqualTo(commit(7));
        assertThat(run7.get("startedAt").asText()).endsWith("Z");
        JsonNode mini = run7.get("targets").get(0);
        JsonNode keywords = run7.get("targets").get(1);
        assertThat(mini.get("id").asText()).isEqualTo("mini");
        assertThat(mini.get("n").asInt()).isEqualTo(CASES);
        assertThat(mini.get("passRate").asDouble()).isEqualTo(128.0 / CASES);
        Interval wilson = Proportion.wilson(128, CASES, 0.95);
        assertThat(mini.get("passLo").asDouble()).isCloseTo(wilson.lower(), within(1e-12));
        assertThat(mini.get("passHi").asDouble()).isCloseTo(wilson.upper(), within(1e-12));
        // latencies 10..209 ms: the 95th percentile by nearest rank is the 190th value
        assertThat(mini.get("p95").asDouble()).isEqualTo(199.0);
        assertThat(mini.get("costPerRequest").asDouble()).isCloseTo(0.001, within(1e-15));
        assertThat(keywords.get("passRate").asDouble()).isEqualTo(0.5);
        assertThat(runs.get(19).get("dirty").asBoolean()).isTrue();
    }

    @Test
    void suite_runs_limit_keeps_the_newest() {
        JsonNode runs = http.json("/api/suites/tickets/runs?limit=3");

        assertThat(runs).extracting(r -> r.get("runId").asText()).containsExactly("run-18", "run-19", "run-20");
    }

    @Test
    void unknown_suite_and_run_answer_404_with_what_to_do() {
        HttpResponse<String> suite = http.get("/api/suites/nope/runs");
        HttpResponse<String> run = http.get("/api/runs/nope");
        HttpResponse<String> failures = http.get("/api/runs/nope/failures");

        assertThat(suite.statusCode()).isEqualTo(404);
        assertThat(suite.body()).contains("no runs of suite \\\"nope\\\"", "GET /api/suites");
        assertThat(run.statusCode()).isEqualTo(404);
        assertThat(failures.statusCode()).isEqualTo(404);
        assertThat(run.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void bad_parameters_answer_400_naming_the_rule() {
        assertThat(http.get("/api/suites/tickets/runs?limit=0").body()).contains("limit must be from 1 to 500, got 0");
        assertThat(http.get("/api/suites/tickets/runs?limit=ten").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/compare?head=run-01").body()).contains("base is missing");
    }

    @Test
    void run_view_names_the_run_its_suite_and_commit() {
        JsonNode view = http.json("/api/runs/run-07");

        assertThat(view.get("runId").asText()).isEqualTo("run-07");
        assertThat(view.get("suite").asText()).isEqualTo("tickets");
        assertThat(view.has("failures")).as("failures are paged by their own endpoint").isFalse();
    }

    @Test
    void last_names_the_newest_run_in_the_store() {
        // faq-1 was written after the 20 ticket runs
        assertThat(http.json("/api/runs/last").get("runId").asText()).isEqualTo("faq-1");
        assertThat(http.json("/api/runs/last/failures").get("total").asInt()).isEqualTo(10);
    }

    @Test
    void compare_fills_the_comparison_of_head_against_base() {
        JsonNode view = http.json("/api/compare?base=run-01&head=run-20");

        assertThat(view.get("runId").asText()).isEqualTo("run-20");
        assertThat(view.get("compare").get("baseRunId").asText()).isEqualTo("run-01");
        assertThat(http.get("/api/compare?base=nope&head=run-20").statusCode()).isEqualTo(404);
    }

    @Test
    void every_response_carries_the_security_headers() {
        HttpResponse<String> page = http.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "default-src 'none'").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void unknown_paths_answer_404() {
        assertThat(http.get("/nothing/here").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void pages_and_assets_are_served() {
        assertThat(http.get("/").body()).contains("data-page=\"suites\"", "/assets/dashboard.js");
        assertThat(http.get("/suites/tickets").body()).contains("data-page=\"suite\"");
        assertThat(http.get("/runs/run-01").body()).contains("data-page=\"run\"");
        assertThat(http.get("/compare?base=run-01&head=run-02").body()).contains("data-page=\"compare\"");
        assertThat(http.get("/assets/echarts.min.js").body()).contains("echarts");
        assertThat(http.get("/assets/trend.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    }
}
