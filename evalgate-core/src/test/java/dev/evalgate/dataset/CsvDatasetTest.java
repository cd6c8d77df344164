package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.evalgate.dataset.Cases.readFile;
import static dev.evalgate.dataset.Cases.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDatasetTest {

    @TempDir
    Path dir;

    @Test
    void reads_one_case_per_row_with_other_columns_as_variables() {
        Path file = write(dir, "d.csv", """
                id,input,expected,channel,cluster
                t1,My card was charged twice,billing,email,c9
                t2,Reset my password,account,chat,
                """);

        List<Case> cases = readFile(file);

        assertThat(cases).extracting(Case::id).containsExactly("t1", "t2");
        assertThat(cases.get(0).expected()).isEqualTo(Expected.text("billing"));
        assertThat(cases.get(0).vars()).isEqualTo(Map.of("input", "My card was charged twice", "channel", "email"));
        assertThat(cases.get(0).cluster()).isEqualTo("c9");
        assertThat(cases.get(1).cluster()).isNull();
        assertThat(cases).extracting(Case::source).containsExactly(file + ":2", file + ":3");
    }

    @Test
    void quoted_values_keep_commas_and_line_breaks_and_the_source_is_the_line_where_the_row_starts() {
        Path file = write(dir, "d.csv", "input,expected\n"
                + "\"Hello, world\",greeting\n"
                + "\"first line\nsecond line\nthird, with comma\",multi\n"
                + "\"say \"\"hi\"\"\",quote\n");

        List<Case> cases = readFile(file);

        assertThat(cases).extracting(Case::input)
                .containsExactly("Hello, world", "first line\nsecond line\nthird, with comma", "say \"hi\"");
        assertThat(cases).extracting(Case::source).containsExactly(file + ":2", file + ":3", file + ":6");
    }

    @Test
    void skips_a_byte_order_mark_and_reads_crlf_line_ends_and_blank_lines() {
        Path file = write(dir, "d.csv", "\uFEFFinput,expected\r\na,1\r\n\r\n\"b\r\nc\",2\r\nd,3\r\n");

        List<Case> cases = readFile(file);

        assertThat(cases).extracting(Case::input).containsExactly("a", "b\r\nc", "d");
        assertThat(cases).extracting(Case::source).containsExactly(file + ":2", file + ":4", file + ":6");
    }

    @Test
    void keeps_emoji_cjk_and_right_to_left_text_intact() {
        Path file = write(dir, "d.csv", "input,expected\n\"🚀 ¿listo?\",是的\nمرحبا,שלום\n");

        List<Case> cases = readFile(file);

        assertThat(cases).extracting(Case::input).containsExactly("🚀 ¿listo?", "مرحبا");
        assertThat(cases).extracting(c -> c.expected().primary()).containsExactly("是的", "שלום");
    }

    @Test
    void a_tags_column_holds_bare_tags_or_key_value_pairs_separated_by_semicolons() {
        Path file = write(dir, "d.csv", """
                input,tags
                a,urgent;vip
                b,channel=email; language = en
                c,
                """);

        List<Case> cases = readFile(file);

        assertThat(cases.get(0).tags()).isEqualTo(Map.of("urgent", "true", "vip", "true"));
        assertThat(cases.get(1).tags()).isEqualTo(Map.of("channel", "email", "language", "en"));
        assertThat(cases.get(2).tags()).isEmpty();
        assertThat(cases.get(0).vars()).doesNotContainKey("tags");
    }

    @Test
    void empty_id_and_expected_cells_mean_a_derived_id_and_no_expectation() {
        Path file = write(dir, "d.csv", "id,input,expected\n,hello,\n");

        Case c = readFile(file).getFirst();

        assertThat(c.id()).hasSize(12).matches("[0-9a-f]{12}");
        assertThat(c.expected()).isEqualTo(Expected.none());
    }

    @Test
    void a_row_with_fewer_values_than_the_header_is_an_error_at_its_line() {
        Path file = write(dir, "d.csv", "input,expected,channel\nhi,greeting,chat\nhello,greeting\n");

        assertThatThrownBy(() -> readFile(file)).isInstanceOf(ConfigException.class).hasMessage(file
                + ":3: this row has 2 values but the header has 3 columns (input, expected, channel). Give every"
                + " column a value (an empty one is written as nothing between two commas), or quote values that"
                + " contain commas or line breaks.");
    }

    @Test
    void empty_cells_written_between_commas_leave_their_fields_out() {
        Path file = write(dir, "d.csv", "input,expected,channel\nhello,,\n");

        Case c = readFile(file).getFirst();

        assertThat(c.expected()).isEqualTo(Expected.none());
        assertThat(c.vars()).isEqualTo(Map.of("input", "hello", "channel", ""));
    }

    @Test
    void a_header_without_the_expected_column_a_scorer_needs_is_an_error_before_any_case_is_read() {
        Path file = write(dir, "d.csv", "text,label\nhello,greeting\n");
        Dataset dataset = DatasetFiles.open(file, FieldNames.DEFAULT.withInput("text"), List.of("equals"));

        assertThatThrownBy(() -> dataset.open().hasNext()).isInstanceOf(ConfigException.class).hasMessage(file
                + ":1: scorer 'equals' needs an expected answer, but " + file + " has no column 'expected' (columns:"
                + " text, label); map the one that holds it with dataset: { path: d.csv, input: text,"
                + " expected: label }");
    }

    @Test
    void an_empty_expected_cell_a_scorer_needs_is_an_error_at_its_row() {
        Path file = write(dir, "d.csv", "input,expected\nhi,greeting\nhello,\n");
        Dataset dataset = DatasetFiles.open(file, FieldNames.DEFAULT, List.of("equals", "numeric"));

        assertThatThrownBy(() -> Cases.readAll(dataset)).isInstanceOf(ConfigException.class).hasMessage(file
                + ":3: scorers 'equals' and 'numeric' need an expected answer, but this row's 'expected' cell is"
                + " empty. Fill it in, or remove the row.");
    }

    @Test
    void without_a_scorer_that_needs_it_a_missing_expected_column_is_fine() {
        Path file = write(dir, "d.csv", "input\nhello\n");

        assertThat(Cases.readAll(DatasetFiles.open(file, FieldNames.DEFAULT, List.of()))).hasSize(1);
    }

    @Test
    void a_row_with_more_values_than_the_header_is_an_error() {
        Path file = write(dir, "d.csv", "input,expected\na,b\nHello, world,greeting\n");

        assertThatThrownBy(() -> readFile(file)).isInstanceOf(ConfigException.class).hasMessage(file
                + ":3: this row has 3 values but the header has 2 columns. Quote values that contain commas, "
                + "e.g. \"a, b\", or name the extra column in the header.");
    }

    @Test
    void a_header_without_an_input_column_is_an_error() {
        Path file = write(dir, "d.csv", "question,answer\na,b\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ":1: the header has no 'input' column (it has "
                + "question, answer). Name the column that holds each case's input 'input', or say which column it "
                + "is: dataset: { path: ..., input: <column> } in the suite, or --input-col <column> for evalgate"
                + " split and export.");
    }

    @Test
    void a_header_naming_a_column_twice_is_an_error() {
        Path file = write(dir, "d.csv", "input,x,x\na,b,c\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(
                file + ":1: the header names column 'x' twice. Rename one of them.");
    }

    @Test
    void a_header_alone_has_no_cases() {
        Path file = write(dir, "d.csv", "input,expected\n");

        assertThatThrownBy(() -> readFile(file)).hasMessage(file + ": has no cases. Add a header row with an "
                + "'input' column, then one row per case, e.g. input,expected / 2+2?,4.");
    }

    @Test
    void an_unclosed_quote_is_reported_as_not_valid_csv() {
        Path file = write(dir, "d.csv", "input,expected\n\"never closed,x\n");

        assertThatThrownBy(() -> readFile(file)).hasMessageContaining(": not valid CSV: ")
                .hasMessageStartingWith(file + ":");
    }

    @Test
    void reads_200000_rows_as_a_stream_seeing_rows_appended_after_reading_began() throws Exception {
        Path file = dir.resolve("big.csv");
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file)) {
            out.write("id,input,expected\n");
            for (int i = 1; i <= 200_000; i++) {
                out.write("c" + i + ",\"question, " + i + "\"," + (i % 2) + "\n");
            }
        }

        int count = 0;
        Case last = null;
        try (CaseReader reader = DatasetFiles.open(file).open()) {
            reader.next();
            count++;
            java.nio.file.Files.writeString(file, "late,appended,x\n", java.nio.file.StandardOpenOption.APPEND);
            while (reader.hasNext()) {
                last = reader.next();
                count++;
            }
        }

        assertThat(count).isEqualTo(200_001);
        assertThat(last.id()).isEqualTo("late");
        assertThat(last.source()).isEqualTo(file + ":200002");
    }

    @Test
    void text_that_is_not_utf8_is_an_error_asking_for_utf8() throws Exception {
        Path file = dir.resolve("d.csv");
        java.nio.file.Files.write(file, "input\ncaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> readFile(file)).hasMessageEndingWith(
                "the text is not valid UTF-8. Save the file with UTF-8 encoding.");
    }

    @Test
    void a_latin1_byte_far_into_the_file_is_reported_at_its_own_line() throws Exception {
        StringBuilder text = new StringBuilder("input,expected\n");
        for (int i = 0; i < 5000; i++) {
            text.append("a plain ascii message number ").append(i).append(",yes\n"); // well past one read buffer
        }
        text.append("caf\u00e9 au lait,yes\n").append("after,yes\n");
        Path file = dir.resolve("d.csv");
        java.nio.file.Files.write(file, text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> readFile(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":5002: the text is not valid UTF-8. Save the file with UTF-8 encoding.");
    }

    @Test
    void an_unclosed_quote_is_reported_at_the_line_where_the_quote_opens() {
        Path file = write(dir, "d.csv", """
                id,input,expected
                a,hello,x
                b,"unclosed value,x
                c,closed fine,y
                d,more,z
                """);

        assertThatThrownBy(() -> readFile(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3: not valid CSV: a quoted value starts on this line and is never"
                        + " closed");
    }

    @Test
    void quotes_doubled_inside_a_value_do_not_look_unclosed() {
        Path file = write(dir, "d.csv", "input,expected\n\"say \"\"hi\"\"\",x\n");

        assertThat(CsvRecords.unclosedQuoteLine(file)).isZero();
        assertThat(readFile(file)).extracting(Case::input).containsExactly("say \"hi\"");
    }
}
