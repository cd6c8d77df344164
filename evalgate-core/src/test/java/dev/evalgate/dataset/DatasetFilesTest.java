package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static dev.evalgate.dataset.Cases.ids;
import static dev.evalgate.dataset.Cases.readFile;
import static dev.evalgate.dataset.Cases.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetFilesTest {

    @TempDir
    Path dir;

    @Test
    void picks_the_reader_by_extension_in_any_letter_case() {
        assertThat(readFile(write(dir, "a.ndjson", "{\"input\": \"x\"}\n"))).hasSize(1);
        assertThat(readFile(write(dir, "b.CSV", "input\nx\n"))).hasSize(1);
        assertThat(readFile(write(dir, "c.yml", "- input: x\n"))).hasSize(1);
    }

    @Test
    void an_unknown_extension_names_the_file_and_the_accepted_extensions() {
        Path file = write(dir, "cases.txt", "x\n");

        assertThatThrownBy(() -> DatasetFiles.open(file)).isInstanceOf(ConfigException.class).hasMessage(file
                + ": a dataset file must end in .jsonl, .ndjson, .csv, .yaml or .yml, but this one has extension "
                + "'.txt'. Rename the file to the extension of its format.");
    }

    @Test
    void a_missing_file_is_reported_when_the_dataset_is_opened() {
        Path file = dir.resolve("absent.jsonl");

        assertThatThrownBy(() -> DatasetFiles.open(file))
                .hasMessage(file + ": file not found. Check the 'dataset:' path.");
    }

    @Test
    void each_open_reads_the_file_again_from_the_first_case() {
        Dataset dataset = DatasetFiles.open(write(dir, "d.jsonl", "{\"input\": \"a\"}\n{\"input\": \"b\"}\n"));

        assertThat(Cases.readAll(dataset)).isEqualTo(Cases.readAll(dataset));
    }

    @Test
    void a_derived_id_is_the_documented_sha256_prefix_of_sorted_compact_json() throws Exception {
        Path file = write(dir, "d.jsonl", "{\"input\": {\"b\": 1, \"a\": \"x\"}, \"expected\": \"4\"}\n");
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("{\"a\":\"x\",\"b\":1}\n\"4\"".getBytes(StandardCharsets.UTF_8));

        assertThat(readFile(file).getFirst().id()).isEqualTo(HexFormat.of().formatHex(digest).substring(0, 12));
    }

    @Test
    void derived_ids_survive_reordering_the_file_and_ignore_tags() {
        Path one = write(dir, "one.jsonl", """
                {"input": "a", "expected": "1"}
                {"input": {"q": "b", "lang": "en"}, "expected": ["2", "two"]}
                {"input": "c"}
                """);
        Path two = write(dir, "two.jsonl", """
                {"input": "c", "tags": ["new"]}
                {"input": {"lang": "en", "q": "b"}, "expected": ["2", "two"]}
                {"expected": "1", "input": "a"}
                """);

        List<String> first = ids(readFile(one));
        List<String> second = ids(readFile(two));

        assertThat(second).containsExactly(first.get(2), first.get(1), first.get(0));
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void the_same_case_gets_the_same_derived_id_from_jsonl_csv_and_yaml() {
        String jsonl = ids(readFile(write(dir, "d.jsonl", "{\"input\": \"2+2?\", \"expected\": 4}\n"))).getFirst();
        String csv = ids(readFile(write(dir, "d.csv", "input,expected\n2+2?,4\n"))).getFirst();
        String yaml = ids(readFile(write(dir, "d.yaml", "- {input: \"2+2?\", expected: 4}\n"))).getFirst();

        assertThat(csv).isEqualTo(jsonl);
        assertThat(yaml).isEqualTo(jsonl);
    }

    @Test
    void a_dataset_in_memory_reads_its_cases_in_order() {
        List<Case> cases = List.of(Case.of("a", "x", Expected.none()), Case.of("b", "y", Expected.text("z")));

        assertThat(Cases.readAll(Dataset.of(cases))).isEqualTo(cases);
    }
}
