package dev.evalgate.suite;

import dev.evalgate.config.Interpolator;
import dev.evalgate.error.ConfigException;
import dev.evalgate.judge.JudgeMode;
import dev.evalgate.judge.JudgeScorer;
import dev.evalgate.score.Scorers;
import dev.evalgate.target.TargetKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteJudgesTest {

    @TempDir
    Path dir;

    SuiteLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"a\",\"input\":\"hi\",\"expected\":\"yes\"}\n");
        Files.writeString(dir.resolve("rubric.md"), "Polite and correct.\n");
        loader = new SuiteLoader(Interpolator.of(Map.of("KEY", "sk-secret-123")),
                TargetKinds.of(List.of(SuiteLoaderTest.FIXED)), Scorers.builtIn());
    }

    private Path write(String judges, String scorers) throws IOException {
        Path file = dir.resolve("evalgate.yaml");
        Files.writeString(file, """
                suite: s
                dataset: cases.jsonl
                judges:
                %s
                targets:
                  - { id: bot, type: fixed }
                scorers:
                %s
                """.formatted(judges.indent(2), scorers.indent(2)));
        return file;
    }

    @Test
    void a_judge_is_declared_once_read_like_a_target_and_is_never_a_candidate() throws IOException {
        Path file = write("grader: { type: fixed, answer: '{}', concurrency: 3 }",
                "- judge: { judge: grader, rubric_file: rubric.md, votes: 3 }");

        try (Suite suite = loader.load(file)) {
            assertThat(suite.targets()).extracting(TargetConfig::id).containsExactly("bot");
            assertThat(suite.judges().callable()).containsOnlyKeys("grader");
            assertThat(suite.judges().callable().get("grader").target().policy().concurrency()).isEqualTo(3);
            var judge = ((JudgeScorer) suite.scorers().getFirst().scorer()).judge();
            assertThat(judge.settings().votes()).isEqualTo(3);
            assertThat(judge.settings().prompt().mode()).isEqualTo(JudgeMode.RUBRIC);
            assertThat(judge.settings().prompt().source()).contains("Polite and correct.");
        }
    }

    @Test
    void a_misspelt_judge_id_names_the_file_line_and_the_nearest_judge() throws IOException {
        Path file = write("grader: { type: fixed }", "- judge: { judge: gradr, rubric: ok }");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("evalgate.yaml:9")
                .hasMessageContaining("names judge 'gradr', which is not declared under 'judges:'. Did you mean "
                        + "'grader'?");
    }

    @Test
    void a_misspelt_mode_is_named_with_the_modes() throws IOException {
        Path file = write("grader: { type: fixed }", "- judge: { judge: grader, mode: refrence }");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is 'refrence', which is not a judge mode. Did you mean 'reference'? Modes: "
                        + "rubric, reference, faithful.");
    }

    @Test
    void the_rubric_mode_without_a_rubric_is_a_config_error() throws IOException {
        Path file = write("grader: { type: fixed }", "- judge: { judge: grader }");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("uses mode 'rubric' without a rubric");
    }

    @Test
    void a_scorer_whose_judge_lacks_its_key_makes_the_suite_unrunnable_naming_the_key() throws IOException {
        Path file = write("hosted: { type: fixed, requires_env: [SURELY_UNSET_JUDGE_KEY] }",
                "- judge: { judge: hosted, rubric: ok }");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("names judge 'hosted', which cannot run here: SURELY_UNSET_JUDGE_KEY is not set");
    }

    @Test
    void a_scorer_requiring_the_same_key_is_left_out_with_its_judge_and_a_note() throws IOException {
        Path file = write("""
                local: { type: fixed }
                hosted: { type: fixed, requires_env: [SURELY_UNSET_JUDGE_KEY] }""", """
                - judge: { judge: local, rubric: ok }
                - judge: { judge: hosted, rubric: ok, requires_env: [SURELY_UNSET_JUDGE_KEY] }""");

        try (Suite suite = loader.load(file)) {
            assertThat(suite.scorers()).hasSize(1);
            assertThat(suite.judges().skipped()).containsOnlyKeys("hosted");
            assertThat(suite.notes()).anyMatch(n -> n.startsWith("judge hosted skipped: SURELY_UNSET_JUDGE_KEY is "
                    + "not set")).anyMatch(n -> n.startsWith("scorer judge at scorers[1] skipped"));
        }
    }

    @Test
    void the_reference_mode_needs_an_expected_answer_and_the_others_do_not() throws IOException {
        Path file = write("grader: { type: fixed }", """
                - judge: { judge: grader, name: facts, mode: reference }
                - judge: { judge: grader, name: faithful, mode: faithful }""");

        try (Suite suite = loader.load(file)) {
            assertThat(suite.scorers()).extracting(c -> c.scorer().needsExpected()).containsExactly(true, false);
            assertThat(suite.scorers()).extracting(c -> c.id()).containsExactly("facts", "faithful");
        }
    }

    @Test
    void two_judge_scorers_under_one_name_are_refused_at_the_second() throws IOException {
        Path file = write("grader: { type: fixed }", """
                - judge: { judge: grader, mode: reference }
                - judge: { judge: grader, mode: faithful }""");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a second scorer named 'judge' (the first is at line")
                .hasMessageContaining("give each its own 'name:'");
    }
}
