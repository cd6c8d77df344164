package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandIT {

    private static final Path SUITE = Path.of("../examples/support-routing/evalgate.yaml");
    private static final Path CASES = Path.of("../examples/support-routing/data/cases.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writes_one_chat_example_per_case_with_the_rendered_prompt_and_expected_answer() throws IOException {
        Path out = dir.resolve("chat.jsonl");

        Cli cli = Cli.run("export", "--format", "openai-chat", "--config", SUITE.toString(), CASES.toString(),
                "--out", out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Wrote 240 openai-chat examples");
        List<String> lines = Files.readAllLines(out);
        List<String> cases = Files.readAllLines(CASES);
        assertThat(lines).hasSize(cases.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode kase = JSON.readTree(cases.get(i));
            JsonNode messages = JSON.readTree(lines.get(i)).get("messages");
            assertThat(messages.findValuesAsText("role")).containsExactly("system", "user", "assistant");
            assertThat(messages.get(0).get("content").asText()).startsWith("You route customer-support messages.")
                    .contains("billing, refund, shipping");
            assertThat(messages.get(1).get("content").asText())
                    .isEqualTo("Message: " + kase.get("input").asText() + "\nLabel:");
            assertThat(messages.get(2).get("content").asText()).isEqualTo(kase.get("expected").asText());
        }
    }

    @Test
    void a_prompt_without_system_part_gives_no_system_message_and_the_default_output_name() throws IOException {
        Path suite = Files.writeString(dir.resolve("evalgate.yaml"), """
                suite: tiny
                dataset: tiny.jsonl
                prompt: "Q: {{input}} ({{unit}})"
                vars: { unit: cm }
                targets:
                  - { id: hosted, type: openai, model: m, api_key: "${EVALGATE_TEST_SURELY_UNSET_KEY}" }
                scorers: [ equals ]
                """);
        Path data = Files.writeString(dir.resolve("tiny.jsonl"), "{\"input\": \"1 inch?\", \"expected\": \"2.54\"}\n");

        Cli cli = Cli.run("export", "--format", "openai-chat", "--config", suite.toString(), data.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode example = JSON.readTree(Files.readString(dir.resolve("tiny.openai-chat.jsonl")));
        assertThat(example.get("messages").findValuesAsText("role")).containsExactly("user", "assistant");
        assertThat(example.get("messages").findValuesAsText("content")).containsExactly("Q: 1 inch? (cm)", "2.54");
    }

    @Test
    void a_case_without_expected_answer_is_an_error_naming_its_line() throws IOException {
        Path data = Files.writeString(dir.resolve("some.jsonl"), """
                {"id": "a", "input": "refund please", "expected": "refund"}
                {"id": "b", "input": "where is my parcel"}
                """);
        Path out = dir.resolve("some.chat.jsonl");

        Cli cli = Cli.run("export", "--format", "openai-chat", "--config", SUITE.toString(), data.toString(),
                "--out", out.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("some.jsonl:2").contains("case b has no 'expected'");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("some.chat.jsonl.part")).doesNotExist();
    }

    @Test
    void an_unknown_format_is_a_usage_error_listing_the_accepted_ones() {
        Cli cli = Cli.run("export", "--format", "anthropic", "--config", SUITE.toString(), CASES.toString(),
                "--out", dir.resolve("x.jsonl").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--format 'anthropic' is not supported; accepted formats: openai-chat");
    }

    @Test
    void an_unknown_target_is_a_usage_error_listing_the_suite_targets() {
        Cli cli = Cli.run("export", "--format", "openai-chat", "--config", SUITE.toString(), "--target", "nope",
                CASES.toString(), "--out", dir.resolve("x.jsonl").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--target 'nope'").contains("hand-rules");
    }

    @Test
    void reads_a_csv_with_other_column_names_through_the_suites_mapping_or_the_flags() throws IOException {
        Files.writeString(dir.resolve("bank.csv"), "text,category\nmy card was charged twice,billing\n");
        Path copy = Files.writeString(dir.resolve("copy.csv"), "body,label\nwhere is my refund,refund\n");
        Path suite = Files.writeString(dir.resolve("evalgate.yaml"), """
                suite: bank
                dataset: { path: bank.csv, input: text, expected: category }
                prompt: "Message: {{input}}"
                targets:
                  - { id: hosted, type: openai, model: m, api_key: "${EVALGATE_TEST_SURELY_UNSET_KEY}" }
                scorers: [ equals ]
                """);

        Cli mapped = Cli.run("export", "--format", "openai-chat", "--config", suite.toString(),
                dir.resolve("bank.csv").toString());
        Cli flagged = Cli.run("export", "--format", "openai-chat", "--config", suite.toString(), copy.toString(),
                "--input-col", "body", "--expected-col", "label");

        assertThat(mapped.exitCode()).as(mapped.err()).isZero();
        assertThat(JSON.readTree(Files.readString(dir.resolve("bank.openai-chat.jsonl"))).get("messages")
                .findValuesAsText("content")).containsExactly("Message: my card was charged twice", "billing");
        assertThat(flagged.exitCode()).as(flagged.err()).isZero();
        assertThat(JSON.readTree(Files.readString(dir.resolve("copy.openai-chat.jsonl"))).get("messages")
                .findValuesAsText("content")).containsExactly("Message: where is my refund", "refund");
    }
}
