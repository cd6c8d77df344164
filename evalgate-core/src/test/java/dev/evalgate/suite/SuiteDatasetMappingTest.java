package dev.evalgate.suite;

import dev.evalgate.config.Interpolator;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.error.ConfigException;
import dev.evalgate.score.Scorers;
import dev.evalgate.target.TargetKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping form of {@code dataset:}, which names the columns holding input, expected answer and id. */
class SuiteDatasetMappingTest {

    @TempDir
    Path dir;

    SuiteLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/test.csv"), "text,category\nI am still waiting on my card?,card_arrival\n"
                + "Can I get a refund?,request_refund\n");
        loader = new SuiteLoader(Interpolator.of(Map.of()), TargetKinds.of(List.of(SuiteLoaderTest.FIXED)),
                Scorers.builtIn());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("evalgate.yaml"), yaml);
    }

    private static List<Case> cases(Suite suite) {
        List<Case> cases = new ArrayList<>();
        try (CaseReader reader = suite.dataset().open()) {
            reader.forEachRemaining(cases::add);
        }
        return cases;
    }

    @Test
    void reads_the_columns_the_mapping_names() throws IOException {
        Suite suite = loader.load(write("""
                suite: banking
                dataset: { path: data/test.csv, input: text, expected: category }
                targets: [ { id: a, type: fixed } ]
                scorers: [ label ]
                """));

        assertThat(suite.datasetFile()).isEqualTo(dir.resolve("data/test.csv"));
        assertThat(cases(suite)).extracting(Case::input)
                .containsExactly("I am still waiting on my card?", "Can I get a refund?");
        assertThat(cases(suite)).extracting(c -> c.expected().primary())
                .containsExactly("card_arrival", "request_refund");
    }

    @Test
    void a_misspelt_key_of_the_mapping_is_named_with_the_nearest_valid_one() throws IOException {
        Path file = write("""
                suite: banking
                dataset:
                  path: data/test.csv
                  input: text
                  expectd: category
                targets: [ { id: a, type: fixed } ]
                scorers: [ label ]
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":5: unknown key 'dataset.expectd'. Did you mean 'expected'? Valid keys here: "
                        + "path, input, expected, id.");
    }

    @Test
    void a_mapping_without_a_path_says_what_to_add() throws IOException {
        Path file = write("""
                suite: banking
                dataset: { input: text, expected: category }
                targets: [ { id: a, type: fixed } ]
                scorers: [ label ]
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2: key 'dataset' needs 'path:', the dataset file");
    }

    @Test
    void a_missing_file_in_the_mapping_names_the_path_key() throws IOException {
        Path file = write("""
                suite: banking
                dataset: { path: data/nope.csv, input: text }
                targets: [ { id: a, type: fixed } ]
                scorers: [ label ]
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2: key 'dataset.path' names 'data/nope.csv', but ")
                .hasMessageEndingWith(" does not exist. Paths are relative to the suite file's folder.");
    }

    @Test
    void the_same_column_for_input_and_expected_is_rejected() throws IOException {
        Path file = write("""
                suite: banking
                dataset: { path: data/test.csv, input: text, expected: text }
                targets: [ { id: a, type: fixed } ]
                scorers: [ label ]
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2: key 'dataset' names its fields wrongly: input, expected and id "
                        + "must name different fields");
    }

    @Test
    void a_scorer_that_needs_an_expected_answer_refuses_a_dataset_without_that_column_when_it_is_read()
            throws IOException {
        Suite suite = loader.load(write("""
                suite: banking
                dataset: { path: data/test.csv, input: text }
                targets: [ { id: a, type: fixed } ]
                scorers: [ json-valid, equals ]
                """));

        Path csv = dir.resolve("data/test.csv");
        assertThatThrownBy(() -> cases(suite)).isInstanceOf(ConfigException.class).hasMessage(csv + ":1: scorer"
                + " 'equals' needs an expected answer, but " + csv + " has no column 'expected' (columns: text,"
                + " category); map the one that holds it with dataset: { path: test.csv, input: text,"
                + " expected: category }");
    }

    @Test
    void scorers_with_fixed_values_need_no_expected_answer() throws IOException {
        Suite suite = loader.load(write("""
                suite: banking
                dataset: { path: data/test.csv, input: text }
                targets: [ { id: a, type: fixed } ]
                scorers: [ json-valid, { contains: refund }, { one-of: { values: [a, b] } }, { regex: "^a" } ]
                """));

        assertThat(cases(suite)).hasSize(2);
    }
}
