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
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judged pass rate corrected for the judge's measured error, end to end: 1,000 cases of which 70% are truly
 * good, a loopback judge with sensitivity 0.9 and specificity 0.8, and 200 human labels. The raw judged rate sits
 * near 0.9·0.7 + 0.2·0.3 = 0.69, the corrected interval holds 0.70, and a judge that flips a coin makes the judged
 * budget INCONCLUSIVE with the reason.
 */
class CorrectedPassRateIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSWER = Pattern.compile("(GOOD|BAD)-(L?\\d+)");
    private static final int CASES = 1000;

    @TempDir
    Path dir;

    @Test
    void a_calibrated_judge_gets_a_corrected_rate_that_holds_the_truth_and_a_coin_gets_inconclusive()
            throws Exception {
        try (LoopbackServer server = LoopbackServer.start().respondWith(CorrectedPassRateIT::answer)) {
            writeData();
            Path suite = suite(server.url("/v1"), "judge-model");

            Cli calibrate = Cli.run("judge", "calibrate", suite.toString());
            assertThat(calibrate.exitCode()).as(calibrate.err()).isZero();
            assertThat(calibrate.out()).contains("labels: 200 (100 a person passed, 100 a person failed)");

            Cli run = Cli.run("run", suite.toString(), "--no-warm-harness");
            assertThat(run.exitCode()).as(run.err()).isZero();
            Matcher raw = Pattern.compile("(\\d+\\.\\d)% \\((\\d+)/1000\\)").matcher(run.out());
            assertThat(raw.find()).as(run.out()).isTrue();
            double judged = Double.parseDouble(raw.group(1)) / 100;
            assertThat(judged).as("raw judged rate").isBetween(0.65, 0.73);
            Matcher corrected = Pattern.compile("bot judged pass rate corrected (\\d+\\.\\d)% \\[(\\d+\\.\\d)%,"
                    + " (\\d+\\.\\d)%\\] 95% \\(raw judged [\\d.]+%; judge calibrated on 200 labels: kappa ([\\d.]+),"
                    + " J ([\\d.]+)\\)").matcher(run.out());
            assertThat(corrected.find()).as(run.out()).isTrue();
            double lower = Double.parseDouble(corrected.group(2)) / 100;
            double upper = Double.parseDouble(corrected.group(3)) / 100;
            assertThat(lower).isLessThanOrEqualTo(0.70);
            assertThat(upper).isGreaterThanOrEqualTo(0.70);
            System.out.printf(Locale.ROOT, "corrected pass rate: raw judged %.3f, corrected %s [%s, %s], kappa %s,"
                    + " J %s%n", judged, corrected.group(1), corrected.group(2), corrected.group(3),
                    corrected.group(4), corrected.group(5));

            Cli show = Cli.run("show", "last", "--store", dir.resolve(".evalgate/evalgate.db").toString());
            assertThat(show.out()).as("the stored run keeps its correction").contains(corrected.group());

            Cli check = Cli.run("check", "last", "--config", suite.toString());
            assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).contains("PASS").contains("judged pass rate");

            Path html = dir.resolve("report.html");
            Cli report = Cli.run("report", "last", "--html", html.toString(), "--config", suite.toString(),
                    "--store", dir.resolve(".evalgate/evalgate.db").toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(report.out()).as("the report's gate decides on the stored correction").contains("verdict PASS");
            assertThat(Files.readString(html)).contains(corrected.group());

            Path coin = suite(server.url("/v1"), "coin");
            Cli recalibrate = Cli.run("judge", "calibrate", coin.toString());
            assertThat(recalibrate.exitCode()).as(recalibrate.err()).isZero();
            Cli coinRun = Cli.run("run", coin.toString(), "--no-warm-harness");
            assertThat(coinRun.exitCode()).as(coinRun.err()).isZero();
            assertThat(coinRun.out()).contains("bot judged pass rate no corrected rate: the judge may be no better"
                    + " than chance");
            Cli coinCheck = Cli.run("check", "last", "--config", coin.toString());
            assertThat(coinCheck.out()).contains("INCONCLUSIVE").contains("may be no better than chance");
        }
    }

    @Test
    void require_calibration_makes_an_uncalibrated_judge_a_config_error_before_any_call() throws Exception {
        try (LoopbackServer server = LoopbackServer.start().respondWith(CorrectedPassRateIT::answer)) {
            writeData();
            Path suite = suite(server.url("/v1"), "judge-model");
            String text = Files.readString(suite).replace("rubric: \"Is the answer good?\"",
                    "rubric: \"Is the answer good?\", require_calibration: true");
            Files.writeString(suite, text);
            Cli run = Cli.run("run", suite.toString(), "--no-warm-harness");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("require_calibration").contains("has no calibration")
                    .contains("evalgate judge calibrate");
            assertThat(server.requestCount()).isZero();
        }
    }

    private void writeData() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < CASES; i++) {
            cases.append("{\"id\":\"c").append(i).append("\",\"input\":\"question ").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean good = i % 2 == 0;
            labels.add(new Label("c" + i, "bot", (good ? "GOOD-L" : "BAD-L") + i, good, ""));
        }
        LabelsFile.write(dir.resolve("labels/judge.jsonl"), labels);
    }

    private Path suite(String url, String judgeModel) throws Exception {
        Path suite = dir.resolve(judgeModel + ".yaml");
        Files.writeString(suite, """
                suite: answers
                dataset: cases.jsonl
                prompt: "{{input}}"
                targets:
                  - { id: bot, type: openai, base_url: "%s", model: bot-model }
                judges:
                  grader: { type: openai, base_url: "%s", model: %s }
                scorers:
                  - judge: { judge: grader, rubric: "Is the answer good?" }
                gate:
                  absolute: { judged_pass_rate: ">= 0.55" }
                run: { concurrency: 16, retries: 0 }
                """.formatted(url, url, judgeModel));
        return suite;
    }

    /** The candidate answers case n GOOD-n for 70% of cases; the judge grades with known error rates. */
    private static ScriptedResponse answer(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            String model = body.path("model").asText();
            String content;
            if (model.equals("bot-model")) {
                int n = Integer.parseInt(body.path("messages").get(0).path("content").asText().substring(9));
                boolean good = new SplittableRandom(7_000 + n).nextDouble() < 0.70;
                content = (good ? "GOOD-" : "BAD-") + n;
            } else {
                Matcher m = ANSWER.matcher(body.path("messages").toString());
                if (!m.find()) {
                    return ScriptedResponse.json(400, "{\"error\":{\"message\":\"no answer to judge\"}}");
                }
                double u = new SplittableRandom(m.group(1).hashCode() * 31L + m.group(2).hashCode()).nextDouble();
                boolean pass = model.equals("coin") ? u < 0.5 : m.group(1).equals("GOOD") ? u < 0.9 : u < 0.2;
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
