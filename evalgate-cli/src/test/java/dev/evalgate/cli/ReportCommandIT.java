package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportCommandIT {

    @TempDir
    Path dir;

    /** A suite whose store is the default one beside it, with a pass-rate budget of 95%. */
    private Path suite(String name) throws IOException {
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: %s
                dataset: cases.jsonl
                targets:
                  - id: bot
                    type: openai
                    model: gpt-test
                    api_key: "${EVALGATE_TEST_SURELY_UNSET_KEY}"
                scorers: [equals]
                gate:
                  absolute: { pass_rate: ">= 0.95" }
                """.formatted(name));
        return suite;
    }

    private Path store() {
        return dir.resolve(".evalgate/evalgate.db");
    }

    /** The view JSON the report embeds, read back as the page's script reads it. */
    private static JsonNode view(Path html) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"evalgate-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(Files.readString(html));
        assertThat(m.find()).as("the report embeds its data").isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void writes_the_last_run_with_the_suite_verdict_and_the_failing_inputs() throws IOException {
        Path suite = suite("history");
        StoredRuns.write(store(), "run-1", 100, i -> i % 10 != 0);
        Path html = dir.resolve("out/report.html");

        Cli cli = Cli.run("report", "--config", suite.toString(), "--html", html.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Wrote " + html + ": run run-1 of suite history, verdict FAIL");
        JsonNode view = view(html);
        assertThat(view.get("runId").asText()).isEqualTo("run-1");
        assertThat(view.get("startedAt").asText()).isNotEmpty();
        JsonNode bot = view.get("targets").get(0);
        assertThat(bot.get("passRate").asDouble()).isEqualTo(0.9);
        assertThat(bot.get("n").asInt()).isEqualTo(100);
        assertThat(view.get("verdict").get("status").asText()).isEqualTo("FAIL");
        assertThat(view.get("verdict").get("lines").get(0).get("text").asText())
                .startsWith("history/bot pass rate is 0.900, but expected minimum is 0.950");
        assertThat(texts(view.get("failures"), "caseId")).hasSize(10).startsWith("c000", "c010");
        assertThat(view.get("failures").get(1).get("input").asText()).isEqualTo("message 10");
        assertThat(view.get("failures").get(1).get("output").asText()).isEqualTo("no");
        assertThat(view.get("compare").isNull()).isTrue();
    }

    @Test
    void compare_adds_the_paired_statistics_and_exactly_the_flipped_cases() throws IOException {
        Path suite = suite("history");
        StoredRuns.write(store(), "run-1-base", 100, i -> i % 10 != 0);
        StoredRuns.write(store(), "run-2-head", 100, i -> (i % 10 != 0 && i != 3 && i != 5) || i == 10);
        Path html = dir.resolve("report.html");

        Cli cli = Cli.run("report", "run-2-head", "--compare", "run-1-base", "--config", suite.toString(),
                "--html", html.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("compared with run-1-base");
        JsonNode compare = view(html).get("compare");
        assertThat(compare.get("baseRunId").asText()).isEqualTo("run-1-base");
        JsonNode bot = compare.get("targets").get(0);
        assertThat(bot.get("paired").asInt()).isEqualTo(100);
        assertThat(bot.get("difference").asDouble()).isCloseTo(-0.01, within(1e-12));
        assertThat(bot.get("mcnemarMidP").asDouble()).isCloseTo(0.625, within(1e-12));
        assertThat(texts(compare.get("flips"), "caseId")).containsExactly("c003", "c005", "c010");
        assertThat(texts(compare.get("flips"), "direction")).containsExactly("regressed", "regressed", "fixed");
    }

    @Test
    void without_a_suite_file_the_report_has_no_verdict_and_says_why() throws IOException {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "run-1", 20, i -> true);
        Path html = dir.resolve("report.html");

        Cli cli = Cli.run("report", "run-1", "--store", db.toString(), "--config",
                dir.resolve("missing.yaml").toString(), "--html", html.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("note: the report has no verdict: no suite file");
        JsonNode view = view(html);
        assertThat(view.get("verdict").isNull()).isTrue();
        assertThat(view.get("failures")).isEmpty();
    }

    @Test
    void a_suite_file_of_another_suite_gives_no_verdict() throws IOException {
        Path suite = suite("other-suite");
        StoredRuns.write(store(), "run-1", 20, i -> true);
        Path html = dir.resolve("report.html");

        Cli cli = Cli.run("report", "--config", suite.toString(), "--html", html.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("is suite 'other-suite', but run run-1 is of suite 'history'");
        assertThat(view(html).get("verdict").isNull()).isTrue();
    }

    @Test
    void an_unknown_run_is_a_usage_error_that_names_the_fix() throws IOException {
        Path suite = suite("history");
        StoredRuns.write(store(), "run-1", 5, i -> true);

        Cli cli = Cli.run("report", "nope", "--config", suite.toString(), "--html", dir.resolve("r.html").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("no run 'nope' in store").contains("evalgate runs");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @Test
    void the_html_option_is_required() {
        Cli cli = Cli.run("report");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--html");
    }
}
