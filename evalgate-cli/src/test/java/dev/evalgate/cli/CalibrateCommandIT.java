package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.calibration.Calibration;
import dev.evalgate.calibration.CalibrationFile;
import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.stats.JudgeCalibration;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evalgate judge calibrate} against a loopback OpenAI-compatible judge whose errors are known: of 20 outputs
 * people passed it passes 18, of 20 they failed it fails 16, and it answers one output with prose.
 */
class CalibrateCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OUTPUT = Pattern.compile("(GOOD|BAD)-(\\d+)");

    @TempDir
    Path dir;

    @Test
    void the_calibration_counts_the_judges_agreement_and_is_saved_beside_the_labels() throws Exception {
        try (LoopbackServer judge = LoopbackServer.start().respondWith(r -> verdict(r.body()))) {
            Path suite = suite(judge.url("/v1"), "Is the answer polite?");
            List<Label> labels = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                labels.add(new Label(id(i), "bot", "GOOD-" + i, true, ""));
                labels.add(new Label(id(20 + i), "bot", "BAD-" + (20 + i), false, ""));
            }
            labels.add(new Label(id(40), "bot", "GOOD-40", true, "the judge answers this one in prose"));
            labels.add(new Label("gone", "bot", "GOOD-1", true, "a case no longer in the dataset"));
            LabelsFile.write(dir.resolve("labels/judge.jsonl"), labels);

            Cli cli = Cli.run("judge", "calibrate", suite.toString());

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            Calibration saved = CalibrationFile.read(dir.resolve("labels/judge.calibration.json")).orElseThrow();
            assertThat(saved.counts()).isEqualTo(new JudgeCalibration(18, 4, 2, 16));
            assertThat(saved.judgeErrors()).isEqualTo(1);
            assertThat(cli.out()).contains("1 labels name cases not in the dataset (e.g. gone); they are left out")
                    .contains("labels: 40 (20 a person passed, 20 a person failed); 1 more had no judge verdict")
                    .contains("sensitivity 0.900 [").contains("specificity 0.800 [")
                    .contains("Saved to " + dir.resolve("labels/judge.calibration.json"));
            int calls = judge.requestCount();
            assertThat(calls).isEqualTo(41);

            Cli again = Cli.run("judge", "calibrate", suite.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(judge.requestCount()).as("verdicts come from the cache; only the unreadable one is asked again")
                    .isEqualTo(calls + 1);
            assertThat(CalibrationFile.read(dir.resolve("labels/judge.calibration.json")).orElseThrow().fingerprint())
                    .isEqualTo(saved.fingerprint());

            suite(judge.url("/v1"), "Is the answer polite and short?");
            Cli changed = Cli.run("judge", "calibrate", suite.toString());
            assertThat(changed.exitCode()).isZero();
            assertThat(CalibrationFile.read(dir.resolve("labels/judge.calibration.json")).orElseThrow().fingerprint())
                    .as("another rubric is another judge").isNotEqualTo(saved.fingerprint());
        }
    }

    @Test
    void without_labels_or_with_an_unknown_scorer_it_says_what_to_do() throws Exception {
        try (LoopbackServer judge = LoopbackServer.start().respondWith(r -> verdict(r.body()))) {
            Path suite = suite(judge.url("/v1"), "Is it polite?");
            Cli none = Cli.run("judge", "calibrate", suite.toString());
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.err()).contains("no labels in " + dir.resolve("labels/judge.jsonl"))
                    .contains("evalgate label last --scorer judge");
            Cli typo = Cli.run("judge", "calibrate", suite.toString(), "--scorer", "tone");
            assertThat(typo.exitCode()).isEqualTo(2);
            assertThat(typo.err()).contains("has no judge scorer 'tone'; its judge scorers are judge.");
            assertThat(judge.requestCount()).isZero();
        }
    }

    @Test
    void the_labels_file_named_by_the_scorer_is_the_one_calibrated_and_the_calibration_lands_beside_it()
            throws Exception {
        try (LoopbackServer judge = LoopbackServer.start().respondWith(r -> verdict(r.body()))) {
            Path suite = suite(judgeUrl(judge), "Is it polite?");
            Files.writeString(suite, Files.readString(suite).replace("rubric: \"Is it polite?\" }",
                    "rubric: \"Is it polite?\", labels: data/tone.jsonl }"));
            LabelsFile.write(dir.resolve("data/tone.jsonl"), List.of(new Label(id(0), "bot", "GOOD-0", true, ""),
                    new Label(id(20), "bot", "BAD-20", false, "")));

            Cli cli = Cli.run("judge", "calibrate", suite.toString());

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(CalibrationFile.read(dir.resolve("data/tone.calibration.json"))).isPresent();
            assertThat(dir.resolve("labels")).doesNotExist();
        }
    }

    private static String judgeUrl(LoopbackServer judge) {
        return judge.url("/v1");
    }

    private Path suite(String judgeUrl, String rubric) throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i <= 40; i++) {
            cases.append("{\"id\":\"").append(id(i)).append("\",\"input\":\"question ").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: polite
                dataset: cases.jsonl
                prompt: "Answer {{input}}"
                targets:
                  - { id: bot, type: openai, base_url: "%s", model: bot-model }
                judges:
                  grader: { type: openai, base_url: "%s", model: judge-model }
                scorers:
                  - judge: { judge: grader, rubric: "%s" }
                run: { concurrency: 4, retries: 0 }
                """.formatted(judgeUrl, judgeUrl, rubric));
        return suite;
    }

    private static String id(int i) {
        return String.format("c%02d", i);
    }

    /** Passes GOOD-0..17 and BAD-20..23, fails the rest, and answers GOOD-40 in prose. */
    private static ScriptedResponse verdict(String body) {
        Matcher m = OUTPUT.matcher(body);
        if (!m.find()) {
            return ScriptedResponse.json(400, "{\"error\":{\"message\":\"no output in the prompt\"}}");
        }
        int n = Integer.parseInt(m.group(2));
        String content;
        if (n == 40) {
            content = "Yes, this one is fine.";
        } else {
            boolean pass = m.group(1).equals("GOOD") ? n < 18 : n < 24;
            content = "{\"verdict\":\"" + (pass ? "pass" : "fail") + "\",\"score\":" + (pass ? 1 : 0)
                    + ",\"reason\":\"seeded\"}";
        }
        JsonNode reply = JSON.createObjectNode().put("id", "x").put("model", "judge-model")
                .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                        .put("finish_reason", "stop").set("message", JSON.createObjectNode()
                                .put("role", "assistant").put("content", content))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) reply).set("usage", JSON.createObjectNode()
                .put("prompt_tokens", 50).put("completion_tokens", 10));
        return ScriptedResponse.json(200, reply.toString());
    }
}
