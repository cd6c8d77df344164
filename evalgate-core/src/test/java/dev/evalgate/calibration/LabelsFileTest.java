package dev.evalgate.calibration;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsFileTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_file_holds_no_labels() {
        assertThat(LabelsFile.read(dir.resolve("none.jsonl"))).isEmpty();
    }

    @Test
    void labels_survive_a_write_and_a_read_with_unicode_and_newlines_in_the_output() {
        Path file = dir.resolve("labels/tone.jsonl");
        List<Label> labels = List.of(
                new Label("c1", "gpt", "Dear customer,\nwe're sorry — refund issued.", true, ""),
                new Label("c2", null, "no", false, "rude"));
        LabelsFile.write(file, labels);
        assertThat(LabelsFile.read(file)).containsExactlyElementsOf(labels);
        assertThat(lines(file)).hasSize(2);
    }

    @Test
    void labelling_the_same_output_again_replaces_the_label_where_it_stands() {
        Label first = new Label("c1", "gpt", "hello", true, "");
        Label other = new Label("c2", "gpt", "bye", false, "");
        Label again = new Label("c1", "gpt", "hello", false, "on second reading, too curt");
        List<Label> labels = LabelsFile.with(LabelsFile.with(LabelsFile.with(List.of(), first), other), again);
        assertThat(labels).containsExactly(again, other);
    }

    @Test
    void a_later_line_for_the_same_output_wins_when_read() throws Exception {
        Path file = dir.resolve("l.jsonl");
        Files.writeString(file, """
                {"case":"c1","output":"x","human":"pass"}

                {"case":"c1","output":"x","human":"fail","note":"changed my mind"}
                {"case":"c1","output":"y","human":"pass"}
                """);
        assertThat(LabelsFile.read(file)).extracting(Label::pass).containsExactly(false, true);
    }

    @Test
    void a_verdict_other_than_pass_or_fail_is_an_error_at_its_line() throws Exception {
        Path file = dir.resolve("l.jsonl");
        Files.writeString(file, "{\"case\":\"c1\",\"output\":\"x\",\"human\":\"pass\"}\n"
                + "{\"case\":\"c2\",\"output\":\"x\",\"human\":\"yes\"}\n");
        assertThatThrownBy(() -> LabelsFile.read(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: this label says human: \"yes\"; a human verdict is \"pass\" or \"fail\".");
    }

    @Test
    void a_misspelt_key_is_named_with_the_nearest_one() throws Exception {
        Path file = dir.resolve("l.jsonl");
        Files.writeString(file, "{\"case\":\"c1\",\"ouput\":\"x\",\"human\":\"pass\"}\n");
        assertThatThrownBy(() -> LabelsFile.read(file)).hasMessageContaining(":1: this label has an unknown key"
                + " 'ouput'. Did you mean 'output'?");
    }

    @Test
    void a_label_without_an_output_or_with_a_number_for_text_is_refused() throws Exception {
        Path file = dir.resolve("l.jsonl");
        Files.writeString(file, "{\"case\":\"c1\",\"human\":\"pass\"}\n");
        assertThatThrownBy(() -> LabelsFile.read(file)).hasMessageContaining(":1: this label has no 'output'");
        Files.writeString(file, "{\"case\":7,\"output\":\"x\",\"human\":\"pass\"}\n");
        assertThatThrownBy(() -> LabelsFile.read(file)).hasMessageContaining("has 'case' as number; it must be a"
                + " string.");
        Files.writeString(file, "not json\n");
        assertThatThrownBy(() -> LabelsFile.read(file)).hasMessageContaining(":1: this label is not a JSON object");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
