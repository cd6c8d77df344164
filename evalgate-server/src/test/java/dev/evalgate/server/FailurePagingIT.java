package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/runs/{id}/failures}: paging, the target filter and the text search, against expected lists. */
class FailurePagingIT {

    private static final int CASES = 1_000;

    @TempDir
    static Path dir;
    private static Store store;
    private static DashboardServer server;
    private static Http http;

    /** mini fails every third case, keywords every odd one; wrong answers read "answer <i>". */
    @BeforeAll
    static void start() {
        store = Store.open(dir.resolve("evalgate.db").toString());
        SyntheticRuns.write(store, "tickets", "big", CASES, GitInfo.unknown(), FailurePagingIT::passes);
        server = DashboardServer.start(store, ServerOptions.local());
        http = Http.to(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static boolean passes(int target, int i) {
        return target == 0 ? i % 3 != 0 : i % 2 == 0;
    }

    /** The failures the store should list, as "target/caseId", in the API's order (target, then case id). */
    private static List<String> expected(String target, String text) {
        List<String> keys = new ArrayList<>();
        List<String> targets = new ArrayList<>(SyntheticRuns.TARGETS);
        targets.sort(null);
        for (String t : targets) {
            int index = SyntheticRuns.TARGETS.indexOf(t);
            for (int i = 0; i < CASES; i++) {
                if (passes(index, i) || (target != null && !target.equals(t))) {
                    continue;
                }
                boolean errored = i % 50 == 0;
                String searchable = (SyntheticRuns.caseId(i) + "\n question " + i + "\n right " + i + "\n"
                        + (errored ? "service unavailable after 3 attempts" : "answer " + i))
                        .toLowerCase(Locale.ROOT);
                if (text == null || searchable.contains(text.toLowerCase(Locale.ROOT))) {
                    keys.add(t + "/" + SyntheticRuns.caseId(i));
                }
            }
        }
        return keys;
    }

    private static List<String> all(String query, int pageSize) {
        List<String> keys = new ArrayList<>();
        long total = -1;
        for (int offset = 0; total < 0 || offset < total; offset += pageSize) {
            JsonNode page = http.json("/api/runs/big/failures?limit=" + pageSize + "&offset=" + offset + query);
            total = page.get("total").asLong();
            page.get("rows").forEach(r -> keys.add(r.get("target").asText() + "/" + r.get("caseId").asText()));
        }
        assertThat(keys).hasSize((int) total);
        return keys;
    }

    @Test
    void pages_cover_every_failure_once_in_order() {
        assertThat(all("", 97)).containsExactlyElementsOf(expected(null, null));
    }

    @Test
    void the_first_page_counts_all_failures_and_holds_the_default_fifty() {
        JsonNode page = http.json("/api/runs/big/failures");

        assertThat(page.get("total").asInt()).isEqualTo(334 + 500);
        assertThat(page.get("rows")).hasSize(50);
        JsonNode first = page.get("rows").get(0);
        assertThat(first.get("target").asText()).isEqualTo("keywords");
        assertThat(first.get("caseId").asText()).isEqualTo("case-000001");
        assertThat(first.get("input").asText()).isEqualTo("question 1");
        assertThat(first.get("expected").asText()).isEqualTo("right 1");
        assertThat(first.get("output").asText()).isEqualTo("answer 1");
        assertThat(first.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(first.get("score").asDouble()).isZero();
        assertThat(first.get("latencyMs").asDouble()).isEqualTo(11.0);
        assertThat(first.get("reason").asText()).contains("expected \"right 1\" but got \"answer 1\"");
        assertThat(first.get("error").isNull()).isTrue();
    }

    @Test
    void filters_by_target() {
        assertThat(all("&target=mini", 100)).containsExactlyElementsOf(expected("mini", null));
    }

    @Test
    void searches_text_in_outputs_ignoring_case() {
        assertThat(all("&q=ANSWER+99", 50)).containsExactlyElementsOf(expected(null, "answer 99"));
    }

    @Test
    void searches_error_messages_and_combines_with_the_target() {
        List<String> keys = all("&target=mini&q=service+unavailable", 50);

        assertThat(keys).containsExactlyElementsOf(expected("mini", "service unavailable")).isNotEmpty();
        JsonNode row = http.json("/api/runs/big/failures?target=mini&q=service+unavailable").get("rows").get(0);
        assertThat(row.get("outcome").asText()).isEqualTo("ERROR");
        assertThat(row.get("error").asText()).isEqualTo("ERROR http_503: service unavailable after 3 attempts");
        assertThat(row.get("output").isNull()).isTrue();
    }

    @Test
    void a_page_past_the_end_is_empty_with_the_same_total() {
        JsonNode page = http.json("/api/runs/big/failures?offset=5000");

        assertThat(page.get("total").asInt()).isEqualTo(834);
        assertThat(page.get("rows")).isEmpty();
    }

    @Test
    void a_page_larger_than_the_maximum_is_refused() {
        assertThat(http.get("/api/runs/big/failures?limit=501").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/runs/big/failures?offset=-1").statusCode()).isEqualTo(400);
    }
}
