package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CompareCommandIT {

    @TempDir
    Path dir;

    /** Base passes all but every tenth case; the head loses c003 and c005 and wins back c010. */
    private Path twoRuns() {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "run-1-base", 100, i -> i % 10 != 0);
        StoredRuns.write(db, "run-2-head", 100, i -> (i % 10 != 0 && i != 3 && i != 5) || i == 10);
        return db;
    }

    @Test
    void compare_lists_exactly_the_flipped_cases_and_the_paired_statistics() {
        Path db = twoRuns();

        Cli cli = Cli.run("compare", "run-1-base", "run-2-head", "--store", db.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String out = cli.out();
        assertThat(out).contains("Compare run-1-base (base) -> run-2-head (head)")
                .contains("Target bot: 100 paired cases")
                .contains("disagreement: 3.0% of paired cases (2 regressed + 1 fixed);"
                        + " plan a suite for it with evalgate plan --discordance 0.030")
                .contains("90.0% -> 89.0%").contains("-1.0 pp")
                .contains("McNemar exact p 1.0000, mid-p 0.6250")
                .contains("paired bootstrap, B = 10,000, seed 1")
                .contains("Regressed (passed in base, not in head): 2")
                .contains("Fixed (passed in head, not in base): 1")
                .doesNotContain("warning:");
        String regressed = out.substring(out.indexOf("Regressed"), out.indexOf("Fixed ("));
        assertThat(Pattern.compile("c\\d{3}").matcher(regressed).results().map(m -> m.group()).toList())
                .containsExactly("c003", "c005");
        assertThat(regressed).containsPattern("c003\\s+\"yes\"\\s+\"yes\" -> \"no\"");
        String fixed = out.substring(out.indexOf("Fixed ("));
        assertThat(Pattern.compile("c\\d{3}").matcher(fixed).results().map(m -> m.group()).toList())
                .containsExactly("c010");
    }

    @Test
    void plan_asks_for_the_disagreement_that_compare_prints() {
        Path db = twoRuns();

        Cli plan = Cli.run("plan", "--baseline-rate", "0.9", "--mde", "0.05");
        Cli compare = Cli.run("compare", "run-1-base", "run-2-head", "--store", db.toString());

        assertThat(plan.out()).contains("Measure it with 'evalgate compare' on two runs (its 'disagreement' line)");
        assertThat(compare.out()).containsPattern("(?m)^  disagreement: [0-9.]+% of paired cases");
        String share = compare.out().replaceAll("(?s).*--discordance ([0-9.]+).*", "$1");
        Cli planned = Cli.run("plan", "--baseline-rate", "0.9", "--mde", "0.02", "--discordance", share);
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        assertThat(planned.out()).contains("when the runs disagree on 3.0% of them.");
    }

    @Test
    void prints_a_report_only_slice_section_that_marks_the_regressed_slice() throws IOException {
        Path db = dir.resolve("store.db");
        // cases 0-19 are email, 20-59 chat; the head loses every email case but two
        StoredRuns.write(db, "run-1-base", 60, i -> true, i -> "yes", List.of("channel"),
                i -> Map.of("channel", i < 20 ? "email" : "chat"));
        StoredRuns.write(db, "run-2-head", 60, i -> i >= 18, i -> i >= 18 ? "yes" : "no", List.of("channel"),
                i -> Map.of("channel", i < 20 ? "email" : "chat"));
        Path md = dir.resolve("compare.md");

        Cli cli = Cli.run("compare", "run-1-base", "run-2-head", "--store", db.toString(), "--markdown",
                md.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String title = "Slices (report only, Benjamini–Hochberg q = 0.10):";
        assertThat(cli.out()).contains(title);
        String slices = cli.out().substring(cli.out().indexOf(title));
        assertThat(slices)
                .containsPattern("channel=chat\\s+40\\s+100.0% -> 100.0%\\s+\\+0.0 pp\\s+1.0000\\s+1.0000\\s*\n")
                .containsPattern("channel=email\\s+20\\s+100.0% -> 10.0%\\s+-90.0 pp\\s+<0.0001\\s+<0.0001\\s+"
                        + "<- suspicious");
        assertThat(Files.readString(md)).contains("| channel=email | 20 | 100.0% → 10.0% | -90.0 pp | <0.0001 |"
                + " <0.0001 | **suspicious** |");
    }

    @Test
    void markdown_escapes_model_output_and_json_uses_snake_case() throws IOException {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "run-1-base", 10, i -> true);
        StoredRuns.write(db, "run-2-head", 10, i -> i != 4, i -> i == 4 ? "<img src=x> | `rm`" : "yes");
        Path md = dir.resolve("out/compare.md");
        Path json = dir.resolve("out/compare.json");

        Cli cli = Cli.run("compare", "run-1-base", "last", "--store", db.toString(), "--markdown", md.toString(),
                "--json", json.toString(), "--seed", "7");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String markdown = Files.readString(md);
        assertThat(markdown).contains("### evalgate compare: run-1-base → run-2-head")
                .contains("| bot | 10 | 100.0% → 90.0% |")
                .contains("| regressed | c004 | yes | yes | &lt;img src=x&gt; \\| &#96;rm&#96; |")
                .contains("B = 10,000, seed 7")
                .doesNotContain("<img");
        JsonNode node = new ObjectMapper().readTree(json.toFile());
        assertThat(node.get("base_run_id").asText()).isEqualTo("run-1-base");
        assertThat(node.get("seed").asLong()).isEqualTo(7);
        JsonNode target = node.get("targets").get(0);
        assertThat(target.get("regressed_count").asLong()).isEqualTo(1);
        assertThat(target.get("regressed").get(0).get("case_id").asText()).isEqualTo("c004");
        assertThat(target.get("mcnemar").get("exact_two_sided").asDouble()).isEqualTo(1.0);
        assertThat(target.get("head_pass_rate").asDouble()).isEqualTo(0.9);
        assertThat(target.get("slices").isArray()).isTrue();
    }

    @Test
    void a_baseline_file_compares_like_its_run_and_warns_of_a_changed_dataset_only_when_it_changed() {
        Path db = twoRuns();
        Path file = dir.resolve("baseline.json");
        Cli saved = Cli.run("baseline", "save", "run-1-base", file.toString(), "--store", db.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(saved.out()).contains("Wrote " + file + ": run run-1-base of suite history, 1 target (bot),"
                + " 100 case results");

        Cli cli = Cli.run("compare", file.toString(), "run-2-head", "--store", db.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("90.0% -> 89.0%").contains("McNemar exact p 1.0000, mid-p 0.6250")
                .contains("Regressed (passed in base, not in head): 2").contains("(not kept) -> \"no\"")
                .doesNotContain("warning:");
    }
}
