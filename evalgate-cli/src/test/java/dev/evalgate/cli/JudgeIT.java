package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.testkit.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A loopback candidate answers free-text cases whose truth is known, and a loopback judge (OpenAI-compatible and
 * Anthropic-compatible) grades them with a seeded sensitivity and specificity, sometimes without a verdict.
 */
class JudgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Writes n cases "case 1" … "case n" and a suite with one candidate and the given judges and scorers. */
    private Path suite(JudgeServer server, int n, String judges, String scorers, String run) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            cases.append("{\"id\":\"c").append(i).append("\",\"input\":\"case ").append(i)
                    .append("\",\"expected\":\"a good answer\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: judged
                dataset: cases.jsonl
                store: store.db
                judges:
                %s
                targets:
                  - { id: bot, type: openai, base_url: "%s", model: bot-1, per_request: 0.001 }
                scorers:
                %s
                run: %s
                """.formatted(judges.indent(2), server.url("/cand/v1"), scorers.indent(2), run));
        return suite;
    }

    private static String openAiJudge(JudgeServer server) {
        return "grader: { type: openai, base_url: \"" + server.url("/oa/v1") + "\", model: judge-1, "
                + "input_per_mtok: 1, output_per_mtok: 4, retries: 0 }";
    }

    @Test
    void openai_judge_gets_a_strict_schema_and_replies_that_are_not_verdicts_are_judge_errors_everywhere()
            throws Exception {
        try (JudgeServer server = new JudgeServer(n -> n % 10 < 7, 0.9, 0.8, 7, n -> n % 10 == 3)) {
            Path suite = suite(server, 60, openAiJudge(server),
                    "- judge: { judge: grader, rubric: \"The answer is good.\" }",
                    "{ concurrency: 4, retries: 0, warmup: 0 }");
            Path results = dir.resolve("results.json");

            Cli cli = Cli.run("run", suite.toString(), "--quiet", "--no-warm-harness", "--output",
                    results.toString());

            assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
            List<RecordedRequest> judged = server.requests("/oa/");
            assertThat(judged).hasSize(60);
            JsonNode body = JSON.readTree(judged.getFirst().body());
            JsonNode format = body.get("response_format");
            assertThat(format.get("type").asText()).isEqualTo("json_schema");
            assertThat(format.get("json_schema").get("name").asText()).isEqualTo("verdict");
            assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
            JsonNode schema = format.get("json_schema").get("schema");
            assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
            assertThat(schema.get("required").toString()).isEqualTo("[\"reason\",\"verdict\",\"score\"]");
            assertThat(schema.get("properties").get("verdict").get("enum").toString())
                    .isEqualTo("[\"pass\",\"fail\"]");
            assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
            assertThat(body.get("messages").get(1).get("content").asText())
                    .contains("The answer is good.").containsPattern("answer \\d+: (good|bad)");

            // six cases (3, 13, …, 53) got "YES" or a refusal: judge errors, neither passed nor failed
            assertThat(cli.out()).contains("judge: judge error: ").contains("6 judge errors");
            JsonNode json = JSON.readTree(results.toFile());
            int errors = 0;
            for (JsonNode c : json.get("cases")) {
                int n = Integer.parseInt(c.get("id").asText().substring(1));
                JsonNode score = c.get("samples").get(0).get("scores").get(0);
                assertThat(score.get("judge_error").asBoolean()).as("case %d", n).isEqualTo(n % 10 == 3);
                if (n % 10 == 3) {
                    errors++;
                    assertThat(c.get("outcome").asText()).isEqualTo("ERROR");
                    assertThat(score.get("reason").asText()).startsWith("judge error: ")
                            .contains(n / 10 % 2 == 0 ? "not one JSON object: YES" : "refused");
                    assertThat(c.get("samples").get(0).get("output").asText()).isEqualTo("answer " + n + ": "
                            + (n % 10 < 7 ? "good" : "bad"));
                } else {
                    assertThat(score.get("reason").asText()).contains("(case " + n + ")");
                }
            }
            assertThat(errors).isEqualTo(6);
            JsonNode metrics = json.get("metrics").get(0);
            JsonNode grading = metrics.get("grading");
            assertThat(grading.get("judge_errors").asLong()).isEqualTo(6);
            assertThat(grading.get("judgments").asLong()).isEqualTo(60);
            assertThat(grading.get("calls").asLong()).isEqualTo(60);

            // the judge's spend is its own: the candidate's cost is exactly its 60 calls at $0.001
            assertThat(metrics.get("cost").get("total_usd").asDouble()).isCloseTo(0.060, within(1e-12));
            assertThat(metrics.get("tokens").get("input").asLong()).isEqualTo(60 * 20);
            // the three "YES" replies were billed; the three refusals (13, 33, 53) reported no tokens
            double judgeCost = (54 * (100 * 1.0 + 20 * 4.0) + 3 * (100 * 1.0 + 3 * 4.0)) / 1e6;
            assertThat(grading.get("cost").get("total_usd").asDouble()).isCloseTo(judgeCost, within(1e-12));
            assertThat(grading.get("tokens").get("input").asLong()).isEqualTo(57 * 100);

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
                 Statement st = db.createStatement()) {
                assertThat(count(st, "SELECT COUNT(*) FROM case_results WHERE judge_error")).isEqualTo(6);
                assertThat(count(st, "SELECT COUNT(*) FROM case_results WHERE judge_calls = 1")).isEqualTo(60);
                try (ResultSet rs = st.executeQuery("SELECT judge_errors, judge_calls, judge_cost_usd FROM runs")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(6);
                    assertThat(rs.getLong(2)).isEqualTo(60);
                    assertThat(rs.getDouble(3)).isCloseTo(judgeCost, within(1e-12));
                }
            }

            Path html = dir.resolve("report.html");
            Cli report = Cli.run("report", "last", "--html", html.toString(), "--config", suite.toString(),
                    "--store", dir.resolve("store.db").toString());
            assertThat(report.exitCode()).as(report.out() + report.err()).isZero();
            String page = Files.readString(html);
            assertThat(page).contains("\"judgeError\":true").contains("\"judgeErrors\":6").contains("JUDGE ERROR")
                    .contains("judge error: ");

            Cli show = Cli.run("show", "last", "--store", dir.resolve("store.db").toString());
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out()).contains("6 of them judge errors").contains("reason: \"judge: judge error: ")
                    .contains("judge errors 6");
        }
    }

    @Test
    void anthropic_judge_is_forced_to_call_the_verdict_tool_and_a_reply_without_it_is_a_judge_error()
            throws Exception {
        try (JudgeServer server = new JudgeServer(n -> n % 2 == 0, 1.0, 1.0, 3, n -> n == 5)) {
            Path suite = suite(server, 10,
                    "claude: { type: anthropic, base_url: \"" + server.url("/an") + "\", model: judge-2, "
                            + "api_key: sk-test, retries: 0 }",
                    "- judge: { judge: claude, rubric: \"The answer is good.\" }",
                    "{ concurrency: 2, retries: 0, warmup: 0 }");
            Path results = dir.resolve("results.json");

            Cli cli = Cli.run("run", suite.toString(), "--quiet", "--no-warm-harness", "--output",
                    results.toString());

            assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
            List<RecordedRequest> judged = server.requests("/an/");
            assertThat(judged).hasSize(10);
            JsonNode body = JSON.readTree(judged.getFirst().body());
            assertThat(body.get("tools")).hasSize(1);
            JsonNode tool = body.get("tools").get(0);
            assertThat(tool.get("name").asText()).isEqualTo("verdict");
            assertThat(tool.get("input_schema").get("required").toString())
                    .isEqualTo("[\"reason\",\"verdict\",\"score\"]");
            assertThat(body.get("tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"verdict\"}");
            assertThat(body.get("system").asText()).contains("rubric");

            JsonNode json = JSON.readTree(results.toFile());
            for (JsonNode c : json.get("cases")) {
                int n = Integer.parseInt(c.get("id").asText().substring(1));
                String expected = n == 5 ? "ERROR" : n % 2 == 0 ? "PASS" : "FAIL";
                assertThat(c.get("outcome").asText()).as("case %d", n).isEqualTo(expected);
            }
            for (JsonNode c : json.get("cases")) {
                if (c.get("id").asText().equals("c5")) {
                    assertThat(c.get("samples").get(0).get("scores").get(0).get("reason").asText())
                            .startsWith("judge error: ").contains("did not call tool 'verdict'").contains("YES");
                }
            }
        }
    }

    @Test
    void votes_are_distinct_calls_and_a_repeated_run_makes_no_judge_call() throws Exception {
        try (JudgeServer server = new JudgeServer(n -> n % 10 < 7, 0.7, 0.7, 11, n -> false)) {
            Path suite = suite(server, 40, openAiJudge(server),
                    "- judge: { judge: grader, rubric: \"The answer is good.\", votes: 3 }",
                    "{ concurrency: 4, retries: 0, warmup: 0 }");
            Path first = dir.resolve("first.json");
            Cli run = Cli.run("run", suite.toString(), "--quiet", "--no-warm-harness", "--output", first.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(server.judgeCalls()).isEqualTo(120);
            Set<String> bodies = new HashSet<>();
            server.requests("/oa/").forEach(r -> bodies.add(r.body()));
            assertThat(bodies).as("the three votes ask the same question").hasSize(40);
            JsonNode grading = JSON.readTree(first.toFile()).get("metrics").get(0).get("grading");
            assertThat(grading.get("multi_vote_judgments").asLong()).isEqualTo(40);
            assertThat(grading.get("flipped").asLong()).as("a judge this unsure disagrees with itself")
                    .isGreaterThan(0);
            assertThat(run.out()).containsPattern("\\d+\\.\\d% of 40");

            Path second = dir.resolve("second.json");
            Cli again = Cli.run("run", suite.toString(), "--quiet", "--no-warm-harness", "--output",
                    second.toString());
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(server.judgeCalls()).as("every vote is in the cache under its own key").isEqualTo(120);
            JsonNode cached = JSON.readTree(second.toFile()).get("metrics").get(0).get("grading");
            assertThat(cached.get("calls").asLong()).isZero();
            assertThat(cached.get("cached_votes").asLong()).isEqualTo(120);
            assertThat(cached.get("flipped").asLong()).isEqualTo(grading.get("flipped").asLong());
            assertThat(cached.get("judged_passes").asLong()).isEqualTo(grading.get("judged_passes").asLong());
        }
    }

    @Test
    void a_judge_of_sensitivity_0_9_and_specificity_0_8_on_1000_cases_true_rate_0_70_judges_near_0_69()
            throws Exception {
        try (JudgeServer server = new JudgeServer(n -> n % 10 < 7, 0.9, 0.8, 2026, n -> false)) {
            Path suite = suite(server, 1000, openAiJudge(server),
                    "- judge: { judge: grader, rubric: \"The answer is good.\" }",
                    "{ concurrency: 16, retries: 0, warmup: 0 }");
            Path results = dir.resolve("results.json");

            Cli cli = Cli.run("run", suite.toString(), "--quiet", "--no-warm-harness", "--output",
                    results.toString());

            assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
            JsonNode grading = JSON.readTree(results.toFile()).get("metrics").get(0).get("grading");
            // E = 0.9 × 0.70 + (1 − 0.8) × 0.30 = 0.69; the standard deviation at n = 1,000 is about 0.011
            assertThat(grading.get("judged_pass_rate").asDouble()).isCloseTo(0.69, within(0.03));
            assertThat(grading.get("judge_errors").asLong()).isZero();
            assertThat(cli.out()).contains("Grading by model judge").contains("judged pass rate");
        }
    }

    @Test
    void rescore_with_a_judge_calls_no_target_and_a_repeat_rescore_makes_no_judge_call() throws Exception {
        try (JudgeServer server = new JudgeServer(n -> n % 10 < 7, 0.9, 0.8, 5, n -> false)) {
            Path suite = suite(server, 30, openAiJudge(server), "- contains: \"good\"",
                    "{ concurrency: 4, retries: 0, warmup: 0 }");
            Cli run = Cli.run("run", suite.toString(), "--quiet", "--no-warm-harness");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            int candidateCalls = server.candidateCalls();
            assertThat(server.judgeCalls()).isZero();

            String withJudge = Files.readString(suite).replace("- contains: \"good\"",
                    "- judge: { judge: grader, rubric: \"The answer is good.\" }");
            Files.writeString(suite, withJudge);
            Cli rescore = Cli.run("rescore", "last", "--config", suite.toString(), "--store",
                    dir.resolve("store.db").toString());
            assertThat(rescore.exitCode()).as(rescore.out() + rescore.err()).isZero();
            assertThat(server.candidateCalls()).isEqualTo(candidateCalls);
            assertThat(server.judgeCalls()).isEqualTo(30);
            assertThat(rescore.out()).contains("30 judge calls");

            Cli again = Cli.run("rescore", "last", "--config", suite.toString(), "--store",
                    dir.resolve("store.db").toString());
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(server.judgeCalls()).as("the second rescore is answered from the cache").isEqualTo(30);
            assertThat(again.out()).contains("0 judge calls");
            assertThat(server.candidateCalls()).isEqualTo(candidateCalls);
        }
    }

    @Test
    void warming_the_harness_and_warm_up_calls_never_call_the_judge() throws Exception {
        try (JudgeServer server = new JudgeServer(n -> true, 1.0, 1.0, 1, n -> false)) {
            Path suite = suite(server, 12, openAiJudge(server),
                    "- judge: { judge: grader, rubric: \"The answer is good.\" }",
                    "{ concurrency: 2, retries: 0, warmup: 3 }");

            Cli cli = Cli.run("run", suite.toString(), "--quiet");

            assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
            assertThat(server.candidateCalls()).as("three warm-up calls, then one per case").isEqualTo(15);
            assertThat(server.judgeCalls()).as("only the measured outputs are judged").isEqualTo(12);
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
