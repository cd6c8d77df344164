package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static dev.evalgate.dataset.Cases.readFile;
import static dev.evalgate.dataset.Cases.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonlDatasetTest {

    @TempDir
    Path dir;

    @Test
    void reads_input_expected_and_id_with_the_line_as_source() {
        Path file = write(dir, "d.jsonl", """
                {"id": "q1", "input": "2+2?", "expected": "4"}
                {"id": 7, "input": "capital of France?", "expected": "Paris", "cluster": "geo"}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).id()).isEqualTo("q1");
        assertThat(cases.get(0).input()).isEqualTo("2+2?");
        assertThat(cases.get(0).expected()).isEqualTo(Expected.text("4"));
        assertThat(cases.get(0).source()).isEqualTo(file + ":1");
        assertThat(cases.get(0).cluster()).isNull();
        assertThat(cases.get(1).id()).isEqualTo("7");
        assertThat(cases.get(1).cluster()).isEqualTo("geo");
        assertThat(cases.get(1).source()).isEqualTo(file + ":2");
    }

    @Test
    void skips_blank_lines_but_counts_them_in_the_source_line() {
        Path file = write(dir, "d.jsonl", "\n{\"input\": \"a\"}\n   \n\n{\"input\": \"b\"}\n\n");

        List<Case> cases = readFile(file);

        assertThat(cases).extracting(Case::source).containsExactly(file + ":2", file + ":5");
    }

    @Test
    void keeps_emoji_cjk_and_right_to_left_text_intact() {
        Path file = write(dir, "d.jsonl", """
                {"input": "Is 🚀 faster than 🐢?", "expected": "是的"}
                {"input": "مرحبا بالعالم", "expected": ["שלום", "こんにちは"]}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases.get(0).input()).isEqualTo("Is 🚀 faster than 🐢?");
        assertThat(cases.get(0).expected().primary()).isEqualTo("是的");
        assertThat(cases.get(1).input()).isEqualTo("مرحبا بالعالم");
        assertThat(cases.get(1).expected()).isEqualTo(Expected.anyOf(List.of("שלום", "こんにちは")));
    }

    @Test
    void skips_a_byte_order_mark_and_reads_crlf_line_ends() {
        Path file = write(dir, "d.jsonl", "\uFEFF{\"input\": \"a\"}\r\n\r\n{\"input\": \"b\"}\r\n");

        List<Case> cases = readFile(file);

        assertThat(cases).extracting(Case::input).containsExactly("a", "b");
        assertThat(cases).extracting(Case::source).containsExactly(file + ":1", file + ":3");
    }

    @Test
    void reads_a_line_of_one_megabyte() {
        String big = "x".repeat(1 << 20);
        Path file = write(dir, "d.jsonl", "{\"input\": \"small\"}\n{\"input\": \"" + big + "\", \"expected\": \"y\"}\n");

        List<Case> cases = readFile(file);

        assertThat(cases.get(1).input()).hasSize(1 << 20);
        assertThat(cases.get(1).source()).isEqualTo(file + ":2");
    }

    @Test
    void object_input_gives_each_field_as_a_variable_and_input_as_compact_json() {
        Path file = write(dir, "d.jsonl", """
                {"input": {"question": "Who wrote it?", "context": "Hamlet", "n": 3}, "expected": "Shakespeare", "lang": "en"}
                """);

        Case c = readFile(file).getFirst();

        assertThat(c.vars()).containsEntry("question", "Who wrote it?").containsEntry("context", "Hamlet")
                .containsEntry("n", 3).containsEntry("lang", "en")
                .containsEntry("input", "{\"question\":\"Who wrote it?\",\"context\":\"Hamlet\",\"n\":3}");
        assertThat(c.input()).isEqualTo("{\"question\":\"Who wrote it?\",\"context\":\"Hamlet\",\"n\":3}");
        assertThat(c.vars()).doesNotContainKeys("expected", "id");
    }

    @Test
    void expected_numbers_and_booleans_become_their_text_as_written_and_mappings_stay_json() {
        Path file = write(dir, "d.jsonl", """
                {"input": "a", "expected": 3.10}
                {"input": "b", "expected": true}
                {"input": "c", "expected": {"label": "x", "score": 1}}
                {"input": "d", "expected": [1, 2]}
                {"input": "e"}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases.get(0).expected()).isEqualTo(Expected.text("3.10"));
        assertThat(cases.get(1).expected()).isEqualTo(Expected.text("true"));
        assertThat(cases.get(2).expected()).isInstanceOf(Expected.Json.class);
        assertThat(cases.get(2).expected().primary()).isEqualTo("{\"label\":\"x\",\"score\":1}");
        assertThat(cases.get(3).expected()).isEqualTo(Expected.json(
                JsonNodeFactory.instance.arrayNode().add(1).add(2)));
        assertThat(cases.get(4).expected()).isEqualTo(Expected.none());
    }

    @Test
    void tags_and_metadata_become_slices_and_metadata_also_becomes_variables() {
        Path file = write(dir, "d.jsonl", """
                {"input": "a", "tags": ["urgent", "channel=email"], "metadata": {"source": "faq", "channel": "chat", "rank": 2}}
                {"input": "b", "tags": {"channel": "phone", "vip": true}}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases.get(0).tags()).isEqualTo(Map.of("urgent", "true", "channel", "email", "source", "faq",
                "rank", "2"));
        assertThat(cases.get(0).vars()).containsEntry("source", "faq").containsEntry("rank", 2)
                .doesNotContainKeys("tags", "metadata");
        assertThat(cases.get(1).tags()).isEqualTo(Map.of("channel", "phone", "vip", "true"));
    }

    @Test
    void a_malformed_line_names_file_line_reason_and_fix() {
        Path file = write(dir, "d.jsonl", "{\"input\": \"a\"}\n{\"input\": \"b\",}\n");

        assertThatThrownBy(() -> readFile(file)).isInstanceOf(ConfigException.class).hasMessage(file
                + ":2: not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start "
                + "field name (column 15). Write one JSON object per line, e.g. {\"input\": \"2+2?\", "
                + "\"expected\": \"4\"}, or remove the line.");
    }

    @Test
    void an_unfinished_object_is_reported_without_the_parsers_source_location() {
        Path file = write(dir, "d.jsonl", "{\"input\": \"a\"\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":1: not valid JSON: Unexpected end-of-input: "
                + "expected close marker for Object (column 14). Write one JSON object per line, e.g. "
                + "{\"input\": \"2+2?\", \"expected\": \"4\"}, or remove the line.");
    }

    @Test
    void two_objects_on_one_line_are_an_error() {
        Path file = write(dir, "d.jsonl", "{\"input\": \"a\"} {\"input\": \"b\"}\n");

        assertThatThrownBy(() -> readFile(file)).hasMessageStartingWith(file + ":1: holds more than one JSON value.");
    }

    @Test
    void a_line_that_is_not_an_object_is_an_error() {
        Path file = write(dir, "d.jsonl", "[\"a\", \"b\"]\n");

        assertThatThrownBy(() -> readFile(file)).hasMessageStartingWith(
                file + ":1: each line must be a JSON object, but this one is a list.");
    }

    @Test
    void a_case_without_input_is_an_error() {
        Path file = write(dir, "d.jsonl", "{\"input\": \"a\"}\n{\"question\": \"b\", \"expected\": \"c\"}\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":2: this case has no 'input'. Give every case "
                + "an input: a text, or a mapping of template variables, e.g. {\"input\": \"2+2?\"}.");
    }

    @Test
    void input_of_the_wrong_type_is_an_error() {
        Path file = write(dir, "d.jsonl", "{\"input\": [\"a\", \"b\"]}\n");

        assertThatThrownBy(() -> readFile(file)).hasMessageStartingWith(
                file + ":1: 'input' must be a text or a mapping of template variables, but it is a list.");
    }

    @Test
    void tags_of_the_wrong_type_are_an_error() {
        Path file = write(dir, "d.jsonl", "{\"input\": \"a\", \"tags\": [{\"k\": \"v\"}]}\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":1: 'tags' must hold names, but one item is a "
                + "mapping. Write tags as a list [urgent, channel=email], a mapping {channel: email}, or in CSV as "
                + "urgent;channel=email.");
    }

    @Test
    void a_file_of_blank_lines_has_no_cases() {
        Path file = write(dir, "d.jsonl", "\n\n  \n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ": has no cases. Add one JSON object per line, "
                + "e.g. {\"input\": \"2+2?\", \"expected\": \"4\"}.");
    }

    @Test
    void a_repeated_explicit_id_names_both_lines() {
        Path file = write(dir, "d.jsonl", """
                {"id": "a", "input": "1"}
                {"id": "b", "input": "2"}

                {"id": "a", "input": "3"}
                """);

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":4: duplicate id 'a': line 1 has the same id. "
                + "Ids pair cases across runs, so each must be unique; rename one or remove the repeated case.");
    }

    @Test
    void a_repeated_case_without_id_is_a_duplicate_of_its_derived_id() {
        Path file = write(dir, "d.jsonl", """
                {"input": "2+2?", "expected": "4"}
                {"input": "3+3?", "expected": "6"}
                {"input": "2+2?", "expected": "4", "tags": ["again"]}
                """);
        String id = CaseIds.derive(JsonNodeFactory.instance.textNode("2+2?"), Expected.text("4"));

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":3: duplicate id '" + id + "' (derived from "
                + "input and expected): line 1 has the same input and expected. Remove the repeated case, or give "
                + "both an explicit 'id'.");
    }

    @Test
    void reads_200000_lines_as_a_stream_seeing_lines_appended_after_reading_began() throws IOException {
        Path file = dir.resolve("big.jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 200_000; i++) {
                out.write("{\"id\": \"c" + i + "\", \"input\": \"question " + i + "\", \"expected\": \"" + (i % 3)
                        + "\"}\n");
            }
        }

        int count;
        Case last;
        try (CaseReader reader = DatasetFiles.open(file).open()) {
            assertThat(reader.next().id()).isEqualTo("c1");
            // A reader that loaded the file up front would never see these; a streaming one reads them at the end.
            Files.writeString(file, "{\"id\": \"late\", \"input\": \"appended\"}\n", StandardOpenOption.APPEND);
            count = 1;
            last = null;
            while (reader.hasNext()) {
                last = reader.next();
                count++;
            }
        }

        assertThat(count).isEqualTo(200_001);
        assertThat(last.id()).isEqualTo("late");
        assertThat(last.source()).isEqualTo(file + ":200001");
    }

    @Test
    void a_case_without_the_expected_answer_a_scorer_needs_is_an_error_at_its_line() {
        Path file = write(dir, "d.jsonl", "{\"text\": \"a\", \"answer\": \"x\"}\n{\"text\": \"b\", \"label\": \"y\"}\n");
        Dataset dataset = DatasetFiles.open(file, FieldNames.DEFAULT.withInput("text").withExpected("answer"),
                java.util.List.of("equals"));

        assertThatThrownBy(() -> Cases.readAll(dataset)).isInstanceOf(ConfigException.class).hasMessage(file
                + ":2: scorer 'equals' needs an expected answer, but this case has no 'answer' field (fields: text,"
                + " label). Add it, or map the one that holds it with dataset: { path: d.jsonl, input: text,"
                + " expected: label }");
    }

    @Test
    void an_object_inputs_own_input_field_keeps_its_name_as_a_template_variable() {
        Path file = write(dir, "o.jsonl", """
                {"id": "a", "input": {"input": "hello", "lang": "fr"}}
                {"id": "b", "input": {"text": "hi"}}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases.get(0).vars()).containsEntry("input", "hello").containsEntry("lang", "fr");
        assertThat(cases.get(1).vars()).containsEntry("input", "{\"text\":\"hi\"}");
    }
}
