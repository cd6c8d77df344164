package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.RecordedRequest;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A suite with two judge scorers, {@code faithful} and {@code tone}, each its own judge with its own error rates
 * and its own 200 labels: each gets its own corrected rate, in the summary, the store, the results JSON, a sharded
 * run's final metrics and the gate; two runs judged by the same calibrated judges compare on the corrected change.
 */
class JudgeScorersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSWER = Pattern.compile("(GOOD|BAD)-(L?\\d+)");
    private static final int CASES = 400;

    @TempDir
    Path dir;

    @Test
    void each_judge_scorer_is_corrected_by_its_own_calibration_and_compared_on_the_corrected_change()
            throws Exception {
        try (LoopbackServer server = LoopbackServer.start().respondWith(JudgeScorersIT::answer)) {
            writeData();
            Path good = suite(server.url("/v1"), "bot-model", "good");
            for (String scorer : List.of("faithful", "tone")) {
                Cli calibrate = Cli.run("judge", "calibrate", good.toString(), "--scorer", scorer);
                assertThat(calibrate.exitCode()).as(calibrate.err()).isZero();
            }

            Path results = dir.resolve("results.json");
            Cli run = Cli.run("run", good.toString(), "--no-warm-harness", "--run-id", "good", "--output",
                    results.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("bot / faithful +\\d").containsPattern("bot / tone +\\d")
                    .contains("bot judged pass rate (faithful) corrected")
                    .contains("bot judged pass rate (tone) corrected");
            double faithful = corrected(run.out(), "faithful");
            double tone = corrected(run.out(), "tone");
            assertThat(faithful).as("faithful's own correction").isCloseTo(0.70, within(0.08));
            assertThat(tone).as("tone's own correction").isCloseTo(0.70, within(0.08));
            JsonNode grading = JSON.readTree(results.toFile()).path("metrics").get(0).path("grading");
            assertThat(grading.path("scorers").path("tone").path("judged").path("fingerprint").asText())
                    .isNotBlank();
            assertThat(grading.path("scorers").path("faithful").path("calls").asLong()).isEqualTo(CASES);

            Cli show = Cli.run("show", "good", "--store", store());
            assertThat(show.out()).contains("bot judged pass rate (faithful) corrected")
                    .contains("bot judged pass rate (tone) corrected");

            Path html = dir.resolve("report.html");
            Cli report = Cli.run("report", "good", "--html", html.toString(), "--config", good.toString(),
                    "--store", store());
            assertThat(report.exitCode()).as(report.err()).isZero();
            String page = Files.readString(html);
            assertThat(page).as("a grading row per judge scorer, with its correction, kappa and J")
                    .contains("\"scorer\":\"faithful\"").contains("\"scorer\":\"tone\"")
                    .containsPattern("\"corrected\":0\\.\\d+").containsPattern("\"kappa\":0\\.\\d+")
                    .contains("bot judged pass rate (tone) corrected");

            Path worse = suite(server.url("/v1"), "bot-worse", "worse");
            Cli second = Cli.run("run", worse.toString(), "--no-warm-harness", "--run-id", "worse");
            assertThat(second.exitCode()).as(second.err()).isZero();

            Path json = dir.resolve("compare.json");
            Path md = dir.resolve("compare.md");
            Cli compare = Cli.run("compare", "good", "worse", "--store", store(), "--json", json.toString(),
                    "--markdown", md.toString());
            assertThat(compare.exitCode()).as(compare.err()).isZero();
            assertThat(compare.out()).contains("bot judged pass rate (faithful): corrected change -")
                    .contains("(same calibrated judge); raw judged change -");
            System.out.println(compare.out().substring(compare.out().indexOf(JudgedChangeLines.TITLE)));
            JsonNode change = JSON.readTree(json.toFile()).path("judged").path("bot").path("faithful");
            assertThat(change.path("corrected").path("difference").asDouble()).as("true change -0.20")
                    .isCloseTo(-0.20, within(0.07));
            assertThat(change.path("judged").path("difference").asDouble()).as("raw change shrinks by J")
                    .isGreaterThan(change.path("corrected").path("difference").asDouble());
            assertThat(Files.readString(md)).contains("bot judged pass rate (tone): corrected change");

            Path compared = dir.resolve("compared.html");
            Cli against = Cli.run("report", "worse", "--compare", "good", "--html", compared.toString(), "--config",
                    worse.toString(), "--store", store());
            assertThat(against.exitCode()).as(against.err()).isZero();
            assertThat(Files.readString(compared)).contains("\"judgedChanges\"")
                    .contains("bot judged pass rate (faithful): corrected change -");

            Cli check = Cli.run("check", "worse", "--baseline", "good", "--config", worse.toString());
            assertThat(check.out()).contains("judged pass rate (faithful) change").contains("FAIL");
            assertThat(check.exitCode()).as(check.out()).isEqualTo(100);
            System.out.println(check.out());

            // the tone judge changes model: its calibration is stale, and the comparison says why there is no correction
            Path other = dir.resolve("other.yaml");
            Files.writeString(other, Files.readString(worse).replace("model: tone-judge", "model: tone-judge-2")
                    .replace("suite: worse", "suite: other"));
            Cli third = Cli.run("run", other.toString(), "--no-warm-harness", "--run-id", "other");
            assertThat(third.exitCode()).as(third.err()).isZero();
            Cli stale = Cli.run("compare", "good", "other", "--store", store());
            assertThat(stale.out()).contains("bot judged pass rate (tone): raw judged change")
                    .contains("no corrected change: the head run's judged rate is not corrected: the calibration in")
                    .contains("was made on another configuration of judge scorer 'tone'");

            for (int shard = 1; shard <= 2; shard++) {
                Cli part = Cli.run("run", good.toString(), "--no-warm-harness", "--run-id", "sharded", "--shard",
                        shard + "/2");
                assertThat(part.exitCode()).as(part.err()).isZero();
            }
            Cli sharded = Cli.run("show", "sharded", "--store", store());
            assertThat(sharded.out()).as("the last shard's final metrics carry each judge's correction")
                    .contains("bot judged pass rate (faithful) corrected")
                    .contains("bot judged pass rate (tone) corrected");
        }
    }

    private String store() {
        return dir.resolve(".evalgate/evalgate.db").toString();
    }

    private static double corrected(String out, String scorer) {
        Matcher m = Pattern.compile("bot judged pass rate \\(" + scorer + "\\) corrected (\\d+\\.\\d)%").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1)) / 100;
    }

    private void writeData() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < CASES; i++) {
            cases.append("{\"id\":\"c").append(i).append("\",\"input\":\"question ").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        for (String scorer : List.of("faithful", "tone")) {
            List<Label> labels = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean pass = i % 2 == 0;
                labels.add(new Label("c" + i, "bot", (pass ? "GOOD-L" : "BAD-L") + i, pass, ""));
            }
            LabelsFile.write(LabelsFile.defaultFor(dir, scorer), labels);
        }
    }

    private Path suite(String url, String botModel, String name) throws Exception {
        Path suite = dir.resolve(name + ".yaml");
        Files.writeString(suite, """
                suite: %s
                dataset: cases.jsonl
                prompt: "{{input}}"
                targets:
                  - { id: bot, type: openai, base_url: "%s", model: %s }
                judges:
                  fj: { type: openai, base_url: "%s", model: faithful-judge }
                  tj: { type: openai, base_url: "%s", model: tone-judge }
                scorers:
                  - judge: { name: faithful, judge: fj, rubric: "Is every claim supported?" }
                  - judge: { name: tone, judge: tj, rubric: "Is the tone right?" }
                gate:
                  absolute: { judged_pass_rate: { faithful: ">= 0.40" } }
                  baseline: { judged_pass_rate: { margin: 0.05 } }
                run: { concurrency: 16, retries: 0 }
                """.formatted(name, url, botModel, url, url));
        return suite;
    }

    /**
     * The candidate answers GOOD for 70% of cases (bot-model) or 50% (bot-worse); the faithful judge has
     * sensitivity 0.9 and specificity 0.8, the tone judge 0.85 and 0.9.
     */
    private static ScriptedResponse answer(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            String model = body.path("model").asText();
            String content;
            if (model.startsWith("bot-")) {
                int n = Integer.parseInt(body.path("messages").get(0).path("content").asText().substring(9));
                boolean good = new SplittableRandom(7_000 + n).nextDouble() < (model.equals("bot-model") ? 0.70
                        : 0.50);
                content = (good ? "GOOD-" : "BAD-") + n;
            } else {
                Matcher m = ANSWER.matcher(body.path("messages").toString());
                if (!m.find()) {
                    return ScriptedResponse.json(400, "{\"error\":{\"message\":\"no answer to judge\"}}");
                }
                double u = new SplittableRandom((m.group(1).hashCode() * 31L + m.group(2).hashCode()) * 17
                        + model.hashCode()).nextDouble();
                boolean faithful = model.equals("faithful-judge");
                boolean pass = m.group(1).equals("GOOD") ? u < (faithful ? 0.9 : 0.85) : u < (faithful ? 0.2 : 0.1);
                content = "{\"verdict\":\"" + (pass ? "pass" : "fail") + "\",\"score\":" + (pass ? 1 : 0)
                        + ",\"reason\":\"graded\"}";
            }
            ObjectNode reply = JSON.createObjectNode().put("id", "x").put("model", model);
            reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
            reply.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 8);
            return ScriptedResponse.json(200, reply.toString());
        } catch (Exception e) {
            return ScriptedResponse.json(500, "{\"error\":{\"message\":\"" + e + "\"}}");
        }
    }
}
