package dev.evalgate.run;

import dev.evalgate.config.SecretValues;
import dev.evalgate.target.Reply;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.tools.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedReplyTest {

    private static final String KEY = "sk-live-4f8a9c2e7b1d";

    @Test
    void a_secret_in_a_tool_calls_arguments_is_masked_like_one_in_the_answer() {
        Reply reply = new Reply("using " + KEY, new TokenUsage(3, 4),
                List.of(new ToolCall("call_1", "lookup_order", "{\"order_id\":\"A-1\",\"token\":\"" + KEY + "\"}")));

        Reply masked = MaskedReply.of(reply, SecretValues.of(List.of(KEY)));

        assertThat(masked.text()).isEqualTo("using ***");
        assertThat(masked.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.arguments()).isEqualTo("{\"order_id\":\"A-1\",\"token\":\"***\"}");
            assertThat(c.id()).isEqualTo("call_1");
            assertThat(c.name()).isEqualTo("lookup_order");
        });
        assertThat(masked.usage()).isEqualTo(reply.usage());
    }

    @Test
    void a_reply_without_secrets_is_unchanged() {
        Reply reply = new Reply("fine", null, List.of(new ToolCall("c", "t", "{\"a\":1}")));
        assertThat(MaskedReply.of(reply, SecretValues.of(List.of(KEY)))).isEqualTo(reply);
    }
}
