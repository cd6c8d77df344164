package dev.evalgate.targets.command;

import dev.evalgate.dataset.Case;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.targets.internal.Texts;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolResult;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerToolCallsTest {

    private static final WorkerCommand COMMAND = new WorkerCommand("w", List.of("java", "Agent.java"), Path.of("."),
            Map.of(), java.time.Duration.ofSeconds(1));

    @Test
    void a_conversation_request_line_carries_the_turns_and_the_tools() throws Exception {
        ToolCall call = new ToolCall("c1", "lookup_order", "{\"order_id\":\"A-1\"}");
        Conversation conversation = new Conversation(List.of(Turn.of("user", "where is A-1?"),
                Turn.assistant("", List.of(call)), Turn.toolResult(call, new ToolResult("shipped", false))),
                List.of(new ToolSpec("lookup_order", "Find", Texts.JSON.createObjectNode().put("type", "object"))),
                null);

        String line = WorkerProtocol.requestLine(new Request(Case.of("k", "where is A-1?", null), null, 0,
                conversation));

        var json = Texts.JSON.readTree(line);
        assertThat(json.get("messages")).isEqualTo(Texts.JSON.readTree("""
                [{"role": "user", "content": "where is A-1?"},
                 {"role": "assistant", "content": "", "tool_calls": [{"id": "c1", "name": "lookup_order",
                   "arguments": "{\\"order_id\\":\\"A-1\\"}"}]},
                 {"role": "tool", "content": "shipped", "tool_call_id": "c1", "name": "lookup_order",
                  "is_error": false}]"""));
        assertThat(json.get("tools").get(0).get("name").asText()).isEqualTo("lookup_order");
    }

    @Test
    void an_answer_with_tool_calls_needs_no_output_and_keeps_arguments_as_written() {
        Reply reply = WorkerProtocol.parse("{\"tool_calls\": [{\"name\": \"lookup_order\", \"arguments\": "
                + "\"{order_id: A-1\"}, {\"id\": \"x\", \"name\": \"search\", \"arguments\": {\"q\": 1}}]}", COMMAND);

        assertThat(reply.text()).isEmpty();
        assertThat(reply.toolCalls()).containsExactly(new ToolCall("", "lookup_order", "{order_id: A-1"),
                new ToolCall("x", "search", "{\"q\":1}"));
    }

    @Test
    void a_tool_call_without_a_name_is_a_clear_protocol_error() {
        assertThatThrownBy(() -> WorkerProtocol.parse("{\"tool_calls\": [{\"arguments\": {}}]}", COMMAND))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("answered each tool call needs a 'name', but one is {\"arguments\":{}}");
    }
}
