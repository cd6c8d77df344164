package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.evalgate.cli.ToolCallingModel.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code evalgate export} writes a case with expected tool calls as a whole conversation, checked line by line. */
class ToolExportIT {

    @TempDir
    Path dir;

    private Path suite() throws Exception {
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: export-tools
                dataset: cases.jsonl
                prompt: { system: "Help with orders.", user: "{{input}}" }
                %s
                targets: [ { id: m, type: openai, model: m1, api_key: "${NO_SUCH_KEY}" } ]
                scorers: [ tool-calls ]
                """.formatted(ToolCallingModel.TOOLS));
        return suite;
    }

    @Test
    void writes_the_expected_calls_in_order_with_their_scripted_results_then_the_answer() throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, """
                {"id": "c1", "input": "refund A-1", "expected": "Refunded.", \
                "tool_results": {"lookup_order": {"result": {"status": "delivered"}}, "issue_refund": "done"}, \
                "expected_calls": [{"tool": "issue_refund", "args": {"order_id": "A-1", "amount": 5}}, \
                {"tool": "lookup_order", "args": {"order_id": "A-1"}}], "call_order": ["lookup_order before issue_refund"]}
                """);
        Path out = dir.resolve("out.jsonl");

        Cli cli = Cli.run("export", cases.toString(), "--format", "openai-chat", "--config", suite().toString(),
                "--out", out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        var line = JSON.readTree(Files.readAllLines(out).getFirst());
        assertThat(line.get("messages")).isEqualTo(JSON.readTree("""
                [{"role": "system", "content": "Help with orders."}, {"role": "user", "content": "refund A-1"},
                 {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function", "function":
                   {"name": "lookup_order", "arguments": "{\\"order_id\\":\\"A-1\\"}"}}]},
                 {"role": "tool", "tool_call_id": "call_1", "content": "{\\"status\\":\\"delivered\\"}"},
                 {"role": "assistant", "tool_calls": [{"id": "call_2", "type": "function", "function":
                   {"name": "issue_refund", "arguments": "{\\"order_id\\":\\"A-1\\",\\"amount\\":5}"}}]},
                 {"role": "tool", "tool_call_id": "call_2", "content": "done"},
                 {"role": "assistant", "content": "Refunded."}]"""));
        assertThat(line.get("tools")).hasSize(2);
    }

    @Test
    void an_argument_given_as_a_pattern_cannot_be_exported_and_says_why() throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, """
                {"id": "c1", "input": "refund A-1", "expected": "Refunded.", \
                "expected_calls": [{"tool": "issue_refund", "args": {"amount": {"max": 5}}}]}
                """);

        Cli cli = Cli.run("export", cases.toString(), "--format", "openai-chat", "--config", suite().toString(),
                "--out", dir.resolve("out.jsonl").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(":1: case c1 expects issue_refund with argument 'amount' as a pattern, but a "
                + "training example needs its exact value.");
    }
}
