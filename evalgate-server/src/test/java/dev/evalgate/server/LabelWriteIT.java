package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelItem;
import dev.evalgate.calibration.LabelSample;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.JudgedOutputs;
import dev.evalgate.store.RunFilter;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelling API, the dashboard's one write: it needs the token, refuses cross-site requests, and changes the
 * labels file beside the run's suite and nothing else.
 */
class LabelWriteIT {

    private static final String TOKEN = "label-write-token-9d2e";
    private static final String BEARER = "Bearer " + TOKEN;
    private static final int CASES = 12;
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path dir;
    private static Store store;
    private static DashboardServer guarded;
    private static DashboardServer open;

    @TempDir
    Path suiteDir;
    private String runId;
    private Path labels;

    @BeforeAll
    static void start() {
        store = Store.open(dir.resolve("evalgate.db").toString());
        guarded = DashboardServer.start(store, ServerOptions.local().withToken(TOKEN));
        open = DashboardServer.start(store, ServerOptions.local());
    }

    @AfterAll
    static void stop() {
        guarded.close();
        open.close();
        store.close();
    }

    @BeforeEach
    void aRunOfASuiteInItsOwnFolder() {
        runId = "judged-" + RUNS.incrementAndGet();
        JudgedRuns.write(store, runId, suiteDir.resolve("evalgate.yaml").toString(), CASES);
        labels = suiteDir.resolve("labels").resolve("judge.jsonl");
    }

    @Test
    void offers_the_unlabelled_judged_outputs_in_the_order_evalgate_label_offers_them() {
        JsonNode body = Http.to(open).json(path() + "?limit=500");

        List<LabelItem> judged = judgedItems().stream().filter(i -> i.judgePass() != null).toList();
        List<String> expected = LabelSample.order(judged, LabelItem::judgePass, 1).stream().map(LabelItem::caseId)
                .toList();
        assertThat(body.get("items").findValuesAsText("caseId")).containsExactlyElementsOf(expected);
        assertThat(body.get("judged").asInt()).isEqualTo(CASES - 1);
        assertThat(body.get("judgeErrors").asInt()).isEqualTo(1);
        assertThat(body.get("labelled").asInt()).isZero();
        assertThat(body.get("toGo").asInt()).isEqualTo(CASES - 1);
        assertThat(body.get("labelsFile").asText()).isEqualTo(labels.toAbsolutePath().toString());
        assertThat(body.get("writeProblem").isNull()).isTrue();
        assertThat(labels).as("a GET never writes").doesNotExist();
    }

    @Test
    void a_good_post_writes_exactly_one_line_and_changes_nothing_in_the_store() throws IOException {
        String before = storeDump();
        JsonNode items = Http.to(guarded).json(path(), "Authorization", BEARER);
        JsonNode first = items.get("items").get(0);

        RawPost.Answer answer = goodPost(guarded).header("Authorization", BEARER)
                .send(path(), "{\"id\": \"" + first.get("id").asText() + "\", \"verdict\": \"fail\", \"note\": \"off topic\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Files.readAllLines(labels)).hasSize(1);
        Label label = LabelsFile.read(labels).get(0);
        assertThat(label).isEqualTo(new Label(first.get("caseId").asText(), JudgedRuns.TARGET,
                first.get("output").asText(), false, "off topic"));
        assertThat(storeDump()).isEqualTo(before);
        JsonNode after = Http.to(guarded).json(path(), "Authorization", BEARER);
        assertThat(after.get("labelled").asInt()).isEqualTo(1);
        assertThat(after.get("toGo").asInt()).isEqualTo(CASES - 2);
        assertThat(after.get("items").findValuesAsText("id")).doesNotContain(first.get("id").asText());
        try (Stream<Path> files = Files.list(suiteDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("labels");
        }
    }

    @Test
    void a_post_without_the_token_is_refused_with_401_when_a_token_is_set() {
        RawPost.Answer answer = goodPost(guarded).send(path(), body());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(labels).doesNotExist();
    }

    @Test
    void a_post_from_another_site_is_refused_with_403() {
        RawPost.Answer origin = goodPost(guarded).header("Authorization", BEARER)
                .header("Origin", "http://evil.example").send(path(), body());
        RawPost.Answer fetchSite = goodPost(guarded).header("Authorization", BEARER)
                .header("Sec-Fetch-Site", "cross-site").send(path(), body());
        RawPost.Answer nullOrigin = goodPost(open).header("Origin", "null").send(path(), body());

        assertThat(origin.status()).isEqualTo(403);
        assertThat(origin.body()).contains("Origin http://evil.example is another site");
        assertThat(fetchSite.status()).isEqualTo(403);
        assertThat(nullOrigin.status()).isEqualTo(403);
        assertThat(labels).doesNotExist();
    }

    @Test
    void a_post_without_the_write_header_is_refused_with_403() {
        RawPost.Answer missing = goodPost(open).header(WriteGuard.HEADER, null).send(path(), body());
        RawPost.Answer wrong = goodPost(open).header(WriteGuard.HEADER, "guessed").send(path(), body());

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains(WriteGuard.HEADER);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(labels).doesNotExist();
    }

    @Test
    void a_post_that_is_not_json_is_refused_with_415() {
        RawPost.Answer form = goodPost(open).header("Content-Type", "application/x-www-form-urlencoded")
                .send(path(), "id=x&verdict=pass");
        RawPost.Answer text = goodPost(open).header("Content-Type", "text/plain").send(path(), body());

        assertThat(form.status()).isEqualTo(415);
        assertThat(text.status()).isEqualTo(415);
        assertThat(labels).doesNotExist();
    }

    @Test
    void a_run_without_its_suite_path_says_where_labels_cannot_go_and_refuses_the_write() {
        String orphan = runId + "-orphan";
        JudgedRuns.write(store, orphan, null, 4);
        String path = "/api/runs/" + orphan + "/labels";
        JsonNode body = Http.to(open).json(path);
        RawPost.Answer answer = goodPost(open).send(path, "{\"id\": \"" + body.get("items").get(0).get("id").asText()
                + "\", \"verdict\": \"pass\"}");

        assertThat(body.get("writeProblem").asText()).contains("stored without the path of its suite file")
                .contains("--labels-dir");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("--labels-dir");
    }

    @Test
    void the_run_view_names_the_judge_scorers_the_run_page_links_to() {
        String plain = runId + "-plain";
        SyntheticRuns.write(store, "tickets", plain, 2, GitInfo.unknown(), (t, i) -> true);

        assertThat(Http.to(open).json("/api/runs/" + runId).get("judgeScorers").toString()).isEqualTo("[\"judge\"]");
        assertThat(Http.to(open).json("/api/runs/" + plain).get("judgeScorers").toString()).isEqualTo("[]");
    }

    @Test
    void a_scorer_id_cannot_name_a_path() {
        assertThat(Http.to(open).get(path() + "?scorer=..%2F..%2Fevil").statusCode()).isEqualTo(400);
        assertThat(goodPost(open).send(path() + "?scorer=../x", body()).status()).isEqualTo(400);
    }

    private String path() {
        return "/api/runs/" + runId + "/labels";
    }

    private String body() {
        String id = Http.to(open).json(path()).get("items").get(0).get("id").asText();
        return "{\"id\": \"" + id + "\", \"verdict\": \"pass\"}";
    }

    /** A POST as the labelling page sends it: same origin, JSON, with the write token. */
    private RawPost goodPost(DashboardServer server) {
        String token = Http.to(server).json(path(),
                server == guarded ? new String[] {"Authorization", BEARER} : new String[0]).get("writeToken").asText();
        return RawPost.to(server).header("Origin", "http://127.0.0.1:" + server.port())
                .header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
                .header(WriteGuard.HEADER, token);
    }

    private List<LabelItem> judgedItems() {
        try (Stream<StoredCaseResult> results = store.caseResults(runId)) {
            return JudgedOutputs.of(results.toList(), "judge", null).items();
        }
    }

    private static String storeDump() {
        StringBuilder dump = new StringBuilder();
        store.runs(RunFilter.all()).forEach(run -> {
            dump.append(run).append('\n').append(store.run(run.runId()).orElseThrow()).append('\n');
            try (Stream<StoredCaseResult> results = store.caseResults(run.runId())) {
                results.forEach(r -> dump.append(r).append('\n'));
            }
        });
        return dump.toString();
    }
}
