package dev.evalgate.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.evalgate.dataset.Cases.readFile;
import static dev.evalgate.dataset.Cases.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlDatasetTest {

    @TempDir
    Path dir;

    @Test
    void reads_a_top_level_list_of_cases_with_the_line_of_each_first_key() {
        Path file = write(dir, "d.yaml", """
                # routing cases
                - id: r1
                  input: "My card was charged twice 💳"
                  expected: billing
                  tags: [urgent]
                - input:
                    question: 什么是 JVM?
                    lang: zh
                  expected: [runtime, virtual machine]
                  metadata: {source: faq}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases.get(0).id()).isEqualTo("r1");
        assertThat(cases.get(0).input()).isEqualTo("My card was charged twice 💳");
        assertThat(cases.get(0).tags()).isEqualTo(Map.of("urgent", "true"));
        assertThat(cases.get(0).source()).isEqualTo(file + ":2");
        assertThat(cases.get(1).vars()).containsEntry("question", "什么是 JVM?").containsEntry("source", "faq");
        assertThat(cases.get(1).expected()).isEqualTo(Expected.anyOf(List.of("runtime", "virtual machine")));
        assertThat(cases.get(1).source()).isEqualTo(file + ":6");
    }

    @Test
    void reads_the_list_under_a_cases_key() {
        Path file = write(dir, "d.yml", """
                cases:
                  - {input: a, expected: 3.10}
                  - {input: b, expected: yes please}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases).extracting(Case::input).containsExactly("a", "b");
        assertThat(cases.get(0).expected()).isEqualTo(Expected.text("3.10"));
        assertThat(cases).extracting(Case::source).containsExactly(file + ":2", file + ":3");
    }

    @Test
    void a_top_level_key_other_than_cases_is_an_error() {
        Path file = write(dir, "d.yaml", "tests:\n  - input: a\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":1: unknown top-level key 'tests'. A YAML "
                + "dataset is a list of cases (- input: ...), or a mapping whose only key is 'cases:' holding that "
                + "list.");
    }

    @Test
    void an_item_that_is_not_a_mapping_is_an_error() {
        Path file = write(dir, "d.yaml", "- input: a\n- just text\n");

        assertThatThrownBy(() -> readFile(file)).hasMessageStartingWith(
                file + ":2: each case must be a mapping with at least 'input', but this item is a text.");
    }

    @Test
    void an_empty_file_has_no_cases() {
        Path file = write(dir, "d.yaml", "# nothing yet\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ": has no cases. Write a list of cases, e.g. "
                + "- {input: \"2+2?\", expected: \"4\"}.");
    }

    @Test
    void bad_indentation_is_reported_as_not_valid_yaml_with_its_line() {
        Path file = write(dir, "d.yaml", "- input: a\n  expected: b\n - input: c\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":3: not valid YAML: expected <block end>, "
                + "but found '<block sequence start>'. Check the indentation and quoting on this line.");
    }

    @Test
    void a_key_written_twice_in_one_case_is_an_error() {
        Path file = write(dir, "d.yaml", "- input: a\n  input: b\n");

        assertThatThrownBy(() -> readFile(file)).hasMessageStartingWith(
                file + ":2: not valid YAML: Duplicate field 'input'.");
    }
}
