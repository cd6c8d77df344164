package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Model output is untrusted: it leaves the server only as escaped JSON, never inside HTML the server builds. */
class UntrustedTextIT {

    private static final String ATTACK = "<img src=x onerror=alert(1)></script>\u2028&'";

    @TempDir
    static Path dir;
    private static Store store;
    private static DashboardServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        store = Store.open(dir.resolve("evalgate.db").toString());
        SyntheticRuns.write(store, "<b>suite</b>", "<i>run</i>", 4, new GitInfo("<svg onload=1>", null, false),
                (t, i) -> i == 0, i -> ATTACK);
        server = DashboardServer.start(store, ServerOptions.local());
        http = Http.to(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void an_output_with_markup_comes_back_json_escaped_and_unchanged_in_value() {
        HttpResponse<String> response = http.get("/api/runs/%3Ci%3Erun%3C%2Fi%3E/failures");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("<", ">", "&", "'", "\u2028")
                .contains("\\u003Cimg src=x onerror=alert(1)\\u003E");
        JsonNode row = http.json("/api/runs/%3Ci%3Erun%3C%2Fi%3E/failures").get("rows").get(0);
        assertThat(row.get("output").asText()).isEqualTo(ATTACK);
    }

    @Test
    void suite_names_run_ids_and_commits_are_escaped_in_every_listing() {
        assertThat(http.get("/api/suites").body()).doesNotContain("<").contains("\\u003Cb\\u003Esuite");
        assertThat(http.get("/api/suites/%3Cb%3Esuite%3C%2Fb%3E/runs").body()).doesNotContain("<", ">")
                .contains("\\u003Csvg onload=1\\u003E");
    }

    @Test
    void pages_are_the_same_shell_whatever_the_data_so_the_server_builds_no_html_from_it() {
        String one = http.get("/runs/%3Ci%3Erun%3C%2Fi%3E").body();
        String other = http.get("/runs/another").body();
        String suite = http.get("/suites/%3Cb%3Esuite%3C%2Fb%3E").body();

        assertThat(one).isEqualTo(other).doesNotContain("onerror", "run</i>", "<i>");
        assertThat(suite).doesNotContain("<b>", "suite</b>");
    }
}
