package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.evalgate.dataset.Cases.readAll;
import static dev.evalgate.dataset.Cases.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldNamesTest {

    private static final FieldNames TEXT_CATEGORY = FieldNames.DEFAULT.withInput("text").withExpected("category");

    @TempDir
    Path dir;

    @Test
    void reads_a_csv_whose_columns_are_text_and_category() {
        Path file = write(dir, "test.csv", "text,category,channel\nI am still waiting on my card?,card_arrival,app\n"
                + "How do I top up?,top_up_by_card_charge,\n");

        List<Case> cases = readAll(DatasetFiles.open(file, TEXT_CATEGORY));

        assertThat(cases).extracting(Case::input).containsExactly("I am still waiting on my card?", "How do I top up?");
        assertThat(cases).extracting(c -> c.expected().primary())
                .containsExactly("card_arrival", "top_up_by_card_charge");
        assertThat(cases.getFirst().vars()).containsOnlyKeys("input", "channel");
        assertThat(cases.getFirst().source()).isEqualTo(file + ":2");
    }

    @Test
    void the_same_file_read_with_the_default_names_lacks_an_input_column() {
        Path file = write(dir, "test.csv", "text,category\nhello,greeting\n");

        assertThatThrownBy(() -> readAll(DatasetFiles.open(file))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":1: the header has no 'input' column (it has text, category).");
    }

    @Test
    void an_empty_cell_in_the_renamed_expected_column_means_nothing_is_expected() {
        Path file = write(dir, "test.csv", "text,category\nhello,\n");

        assertThat(readAll(DatasetFiles.open(file, TEXT_CATEGORY)).getFirst().expected()).isEqualTo(Expected.none());
    }

    @Test
    void renames_keys_of_jsonl_records_including_the_id() {
        Path file = write(dir, "d.jsonl", "{\"key\": \"q1\", \"question\": \"2+2?\", \"answer\": 4}\n");

        Case only = readAll(DatasetFiles.open(file, new FieldNames("question", "answer", "key"))).getFirst();

        assertThat(only.id()).isEqualTo("q1");
        assertThat(only.input()).isEqualTo("2+2?");
        assertThat(only.expected().primary()).isEqualTo("4");
    }

    @Test
    void a_record_without_the_renamed_input_names_that_field() {
        Path file = write(dir, "d.jsonl", "{\"input\": \"x\", \"category\": \"a\"}\n");

        assertThatThrownBy(() -> readAll(DatasetFiles.open(file, TEXT_CATEGORY)))
                .hasMessageStartingWith(file + ":1: this case has no 'text'.");
    }

    @Test
    void rejects_names_that_clash_or_take_a_reserved_field() {
        assertThatThrownBy(() -> new FieldNames("text", "text", "id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different fields");
        assertThatThrownBy(() -> FieldNames.DEFAULT.withExpected("tags"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be 'tags'");
        assertThatThrownBy(() -> FieldNames.DEFAULT.withInput(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
    }
}
