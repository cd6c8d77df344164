package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SplitCommandIT {

    private static final Path CASES = Path.of("../examples/support-routing/data/cases.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void the_same_seed_gives_the_same_bytes_and_another_seed_another_split() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path other = dir.resolve("other");

        assertThat(split(CASES, first, "1").exitCode()).isZero();
        assertThat(split(CASES, second, "1").exitCode()).isZero();
        assertThat(split(CASES, other, "2").exitCode()).isZero();

        assertThat(Files.readAllBytes(first.resolve("cases.train.jsonl")))
                .isEqualTo(Files.readAllBytes(second.resolve("cases.train.jsonl")));
        assertThat(Files.readAllBytes(first.resolve("cases.test.jsonl")))
                .isEqualTo(Files.readAllBytes(second.resolve("cases.test.jsonl")));
        assertThat(ids(first.resolve("cases.test.jsonl"))).isNotEqualTo(ids(other.resolve("cases.test.jsonl")));
    }

    @Test
    void each_label_keeps_its_share_of_test_cases_within_one_case() throws IOException {
        Cli cli = split(CASES, dir, "7");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Map<String, Integer> all = perLabel(CASES);
        Map<String, Integer> test = perLabel(dir.resolve("cases.test.jsonl"));
        Map<String, Integer> train = perLabel(dir.resolve("cases.train.jsonl"));
        all.forEach((label, n) -> {
            assertThat(test.getOrDefault(label, 0)).as(label).isBetween((int) Math.round(0.2 * n) - 1,
                    (int) Math.round(0.2 * n) + 1);
            assertThat(test.getOrDefault(label, 0) + train.getOrDefault(label, 0)).as(label).isEqualTo(n);
        });
        assertThat(cli.out()).contains("Split 240 cases").contains("billing ");
    }

    @Test
    void written_cases_keep_their_fields_and_read_back_as_a_dataset() throws IOException {
        split(CASES, dir, "1");

        JsonNode original = JSON.readTree(Files.readAllLines(CASES).getFirst());
        JsonNode copy = lines(dir.resolve("cases.train.jsonl")).stream()
                .filter(n -> n.get("id").equals(original.get("id"))).findFirst()
                .orElseGet(() -> lines(dir.resolve("cases.test.jsonl")).stream()
                        .filter(n -> n.get("id").equals(original.get("id"))).findFirst().orElseThrow());
        assertThat(copy).isEqualTo(original);
        Cli again = split(dir.resolve("cases.train.jsonl"), dir.resolve("again"), "1");
        assertThat(again.exitCode()).as(again.err()).isZero();
    }

    @Test
    void equal_texts_under_different_ids_stay_on_one_side() throws IOException {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String label = i % 2 == 0 ? "billing" : "refund";
            data.append("{\"id\": \"c").append(i).append("\", \"input\": \"message number ").append(i)
                    .append("\", \"expected\": \"").append(label).append("\"}\n");
        }
        data.append("{\"id\": \"dup-a\", \"input\": \"Where is my  invoice?\", \"expected\": \"billing\"}\n");
        data.append("{\"id\": \"dup-b\", \"input\": \" where is my invoice? \", \"expected\": \"refund\"}\n");
        Path file = Files.writeString(dir.resolve("dups.jsonl"), data);

        for (String seed : List.of("1", "2", "3", "4", "5", "6")) {
            Path out = dir.resolve("seed" + seed);
            Cli cli = splitShare(file, out, seed, "0.5");
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out()).contains("1 duplicate text group kept together");
            Set<String> train = texts(out.resolve("dups.train.jsonl"));
            Set<String> test = texts(out.resolve("dups.test.jsonl"));
            assertThat(train).doesNotContainAnyElementsOf(test);
        }
    }

    @Test
    void refuses_to_overwrite_an_earlier_split_unless_forced() throws IOException {
        Files.writeString(dir.resolve("cases.test.jsonl"), "kept\n");

        Cli again = split(CASES, dir, "1");

        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("cases.test.jsonl already exists").contains("--force");
        assertThat(Files.readString(dir.resolve("cases.test.jsonl"))).isEqualTo("kept\n");
        assertThat(split(CASES, dir, "1", "--force").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("cases.test.jsonl"))).isNotEqualTo("kept\n");
    }

    @Test
    void not_stratified_still_takes_the_share_of_all_cases() throws IOException {
        Cli cli = split(CASES, dir, "1", "--stratify", "none");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(ids(dir.resolve("cases.test.jsonl"))).hasSize(48);
        assertThat(ids(dir.resolve("cases.train.jsonl"))).hasSize(192);
    }

    private static Cli split(Path data, Path out, String seed, String... more) {
        return splitShare(data, out, seed, "0.2", more);
    }

    private static Cli splitShare(Path data, Path out, String seed, String share, String... more) {
        List<String> args = new ArrayList<>(List.of("split", data.toString(), "--test", share, "--seed", seed,
                "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<JsonNode> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError(file + ": not JSON: " + line, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> ids(Path file) {
        return lines(file).stream().map(n -> n.get("id").asText()).toList();
    }

    private static Set<String> texts(Path file) {
        Set<String> texts = new HashSet<>();
        lines(file).forEach(n -> texts.add(n.get("input").asText().strip().toLowerCase().replaceAll("\\s+", " ")));
        return texts;
    }

    private static Map<String, Integer> perLabel(Path file) {
        Map<String, Integer> counts = new HashMap<>();
        lines(file).forEach(n -> counts.merge(n.get("expected").asText(), 1, Integer::sum));
        return counts;
    }

    /** A CSV whose input and expected answer are in the columns text and category, as public datasets often are. */
    private Path otherColumns() throws IOException {
        StringBuilder csv = new StringBuilder("text,category\n");
        for (int i = 0; i < 20; i++) {
            csv.append("message number ").append(i).append(',').append(i % 2 == 0 ? "billing" : "refund").append('\n');
        }
        return Files.writeString(dir.resolve("bank.csv"), csv);
    }

    @Test
    void column_flags_read_a_csv_whose_columns_have_other_names() throws IOException {
        Path data = otherColumns();

        Cli cli = split(data, dir.resolve("out"), "1", "--input-col", "text", "--expected-col", "category");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Split 20 cases").contains("billing 8/2").contains("refund 8/2");
        JsonNode first = JSON.readTree(Files.readAllLines(dir.resolve("out/bank.test.jsonl")).getFirst());
        assertThat(first.get("input").asText()).startsWith("message number ");
        assertThat(first.get("expected").asText()).isIn("billing", "refund");
    }

    @Test
    void config_reads_the_columns_from_the_suites_dataset_mapping_of_that_file() throws IOException {
        Path data = otherColumns();
        Path suite = Files.writeString(dir.resolve("evalgate.yaml"), """
                suite: bank
                dataset: { path: bank.csv, input: text, expected: category }
                targets:
                  - { id: hosted, type: openai, model: m, api_key: "${EVALGATE_TEST_SURELY_UNSET_KEY}" }
                scorers: [ equals ]
                """);

        Cli cli = split(data, dir.resolve("out"), "1", "--config", suite.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("billing 8/2").contains("refund 8/2");
    }

    @Test
    void without_a_mapping_the_error_names_the_flag_that_fixes_it() throws IOException {
        Cli cli = split(otherColumns(), dir.resolve("out"), "1");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("bank.csv:1: the header has no 'input' column (it has text, category)")
                .contains("--input-col <column>");
    }
}
