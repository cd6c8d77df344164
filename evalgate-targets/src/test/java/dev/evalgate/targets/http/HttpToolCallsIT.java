package dev.evalgate.targets.http;

import dev.evalgate.dataset.Case;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.targets.internal.Texts;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpToolCallsIT {

    @Test
    void sends_the_conversation_and_tools_as_lists_and_reads_tool_calls_at_their_path() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.enqueue(ScriptedResponse.json(200, """
                    {"reply": null, "calls": [{"id": "c9", "name": "lookup_order", "arguments": {"order_id": "A-1"}}]}"""));
            try (Target target = TestSpecs.create(new HttpTargetKind(), """
                    url: "%s"
                    body: { messages: "{{messages}}", tools: "{{tools}}" }
                    output: $.reply
                    tool_calls: $.calls
                    """.formatted(server.url("/agent")))) {
                ToolSpec lookup = new ToolSpec("lookup_order", "Find an order",
                        Texts.JSON.createObjectNode().put("type", "object"));
                Conversation conversation = new Conversation(List.of(Turn.of("user", "where is A-1?")), List.of(lookup),
                        "auto");

                Reply reply = target.call(new Request(Case.of("c1", "where is A-1?", null), null, 0, conversation));

                assertThat(reply.toolCalls()).containsExactly(new ToolCall("c9", "lookup_order",
                        "{\"order_id\":\"A-1\"}"));
                assertThat(reply.text()).isEmpty();
                assertThat(Texts.JSON.readTree(server.requests().getFirst().body())).isEqualTo(Texts.JSON.readTree("""
                        {"messages": [{"role": "user", "content": "where is A-1?"}],
                         "tools": [{"name": "lookup_order", "description": "Find an order",
                                    "parameters": {"type": "object"}}]}"""));
            }
        }
    }
}
