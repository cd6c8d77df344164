package dev.evalgate.targets.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.targets.internal.Texts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerProtocolTest {

    private static final WorkerCommand COMMAND = new WorkerCommand("w", List.of("python3", "w.py"), Path.of("."),
            Map.of(), Duration.ofSeconds(1));

    @Test
    void writes_one_line_with_id_input_vars_prompt_and_repeat() throws Exception {
        Case kase = new Case("c9", Map.of("input", "two\nlines", "channel", "email"), Expected.none(), Map.of(),
                null, "x");

        String line = WorkerProtocol.requestLine(new Request(kase, new RenderedPrompt("sys", "user text"), 2));

        assertThat(line).doesNotContain("\n");
        JsonNode json = Texts.JSON.readTree(line);
        assertThat(json).isEqualTo(Texts.JSON.readTree("""
                {"id": "c9", "input": "two\\nlines", "vars": {"input": "two\\nlines", "channel": "email"},
                 "prompt": {"system": "sys", "user": "user text"}, "repeat": 2}"""));
    }

    @Test
    void reads_output_and_usage() {
        Reply reply = WorkerProtocol.parse("{\"output\": \"refund\", \"usage\": {\"input_tokens\": 4, "
                + "\"output_tokens\": 1}}", COMMAND);

        assertThat(reply).isEqualTo(Reply.of("refund", 4, 1));
    }

    @Test
    void renders_a_non_text_output_as_json() {
        assertThat(WorkerProtocol.parse("{\"output\": {\"label\": \"x\"}}", COMMAND))
                .isEqualTo(Reply.of("{\"label\":\"x\"}"));
    }

    @Test
    void an_answer_without_output_or_error_is_malformed() {
        assertThatThrownBy(() -> WorkerProtocol.parse("{\"result\": 1}", COMMAND))
                .isInstanceOfSatisfying(TargetException.Fatal.class,
                        e -> assertThat(e.kind()).isEqualTo("malformed_response"));
    }
}
