package dev.evalgate.langchain4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.dataset.Case;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolResult;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToolMessagesTest {

    @Test
    void sends_the_turns_and_tools_and_reads_the_ai_messages_tool_execution_requests() throws Exception {
        List<ChatRequest> seen = new ArrayList<>();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                seen.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from(ToolExecutionRequest.builder().id("t2")
                        .name("issue_refund").arguments("{\"order_id\":\"A-1\"}").build())).build();
            }
        };
        ToolCall first = new ToolCall("t1", "lookup_order", "{\"order_id\":\"A-1\"}");
        ToolSpec lookup = new ToolSpec("lookup_order", "Find an order", new ObjectMapper().readTree(
                "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}},\"required\":[\"order_id\"]}"));
        Conversation conversation = new Conversation(List.of(Turn.of("user", "refund A-1"),
                Turn.assistant("", List.of(first)), Turn.toolResult(first, new ToolResult("delivered", false))),
                List.of(lookup), "auto");

        Reply reply = ChatModelTarget.of(model).call(new Request(Case.of("c1", "refund A-1", null), null, 0,
                conversation));

        assertThat(reply.toolCalls()).containsExactly(new ToolCall("t2", "issue_refund", "{\"order_id\":\"A-1\"}"));
        ChatRequest sent = seen.getFirst();
        assertThat(sent.messages()).containsExactly(UserMessage.from("refund A-1"),
                AiMessage.from(List.of(ToolExecutionRequest.builder().id("t1").name("lookup_order")
                        .arguments("{\"order_id\":\"A-1\"}").build())),
                ToolExecutionResultMessage.from("t1", "lookup_order", "delivered"));
        assertThat(sent.toolSpecifications()).hasSize(1);
        assertThat(sent.toolSpecifications().getFirst().name()).isEqualTo("lookup_order");
        assertThat(sent.toolSpecifications().getFirst().parameters().required()).containsExactly("order_id");
    }
}
