package dev.evalgate.langchain4j;

import dev.evalgate.dataset.Case;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChatModelTargetTest {

    private static final Request PLAIN = new Request(Case.of("c1", "where is my card?", null), null, 0);

    @Test
    void returns_the_answer_and_the_tokens_the_model_counted() {
        FakeChatModel model = new FakeChatModel("card_arrival", new TokenUsage(12, 3));

        Reply reply = ChatModelTarget.of(model).call(PLAIN);

        assertThat(reply.text()).isEqualTo("card_arrival");
        assertThat(reply.usage()).isEqualTo(new dev.evalgate.target.TokenUsage(12, 3));
    }

    @Test
    void sends_the_rendered_system_prompt_then_the_user_prompt() {
        FakeChatModel model = new FakeChatModel("ok", null);
        RenderedPrompt prompt = new RenderedPrompt("Answer with one intent.", "Query: where is my card?");

        ChatModelTarget.of(model).call(new Request(Case.of("c1", "where is my card?", null), prompt, 0));

        assertThat(model.requests).hasSize(1);
        assertThat(model.requests.getFirst().messages()).containsExactly(
                SystemMessage.from("Answer with one intent."), UserMessage.from("Query: where is my card?"));
    }

    @Test
    void sends_only_the_case_input_when_the_suite_has_no_prompt() {
        FakeChatModel model = new FakeChatModel("ok", null);

        ChatModelTarget.of(model).call(PLAIN);

        assertThat(model.requests.getFirst().messages())
                .extracting(ChatMessage::type)
                .containsExactly(dev.langchain4j.data.message.ChatMessageType.USER);
        assertThat(model.requests.getFirst().messages()).containsExactly(UserMessage.from("where is my card?"));
    }

    @Test
    void reports_unknown_usage_when_the_model_gives_none() {
        Reply reply = ChatModelTarget.of(new FakeChatModel("ok", null)).call(PLAIN);

        assertThat(reply.usage()).isNull();
    }

    @Test
    void reports_unknown_usage_rather_than_zero_when_a_count_is_missing() {
        Reply reply = ChatModelTarget.of(new FakeChatModel("ok", new TokenUsage(12))).call(PLAIN);

        assertThat(reply.usage()).isNull();
    }

    @Test
    void a_rate_limited_call_is_retried_by_the_runner_and_then_answers() throws InterruptedException {
        FakeChatModel model = new FakeChatModel("card_arrival", new TokenUsage(12, 3))
                .failingOnce(new RateLimitException("slow down"));
        CallPolicy oneRetry = new CallPolicy(1, 0, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO, 7);

        try (ResilientCaller caller = new ResilientCaller(ChatModelTarget.of(model), oneRetry)) {
            Attempted attempted = caller.call(PLAIN);

            assertThat(attempted.failed()).isFalse();
            assertThat(attempted.attempts()).isEqualTo(2);
            assertThat(attempted.reply().text()).isEqualTo("card_arrival");
            assertThat(model.requests).hasSize(2);
        }
    }

    @Test
    void a_rate_limit_that_outlasts_the_retries_is_recorded_as_http_429() throws InterruptedException {
        FakeChatModel model = new FakeChatModel("never", null)
                .failingOnce(new RateLimitException("slow down"))
                .failingOnce(new RateLimitException("still slow"));
        CallPolicy oneRetry = new CallPolicy(1, 0, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO, 7);

        try (ResilientCaller caller = new ResilientCaller(ChatModelTarget.of(model), oneRetry)) {
            Attempted attempted = caller.call(PLAIN);

            assertThat(attempted.failed()).isTrue();
            assertThat(attempted.error().kind()).isEqualTo("http_429");
            assertThat(attempted.attempts()).isEqualTo(2);
        }
    }
}
