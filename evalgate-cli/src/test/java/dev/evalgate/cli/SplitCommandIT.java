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
}
