package dev.evalgate.langchain4j;

import dev.evalgate.dataset.Case;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Request;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FailuresTest {

    private static final Request REQUEST = new Request(Case.of("c1", "hi", null), null, 0);

    static Stream<Arguments> classified() {
        return Stream.of(
                Arguments.of(new RateLimitException("too many"), "http_429", true),
                Arguments.of(new TimeoutException("read timed out"), "timeout", true),
                Arguments.of(new InternalServerException("bad gateway"), "http_500", true),
                Arguments.of(new RetriableException("overloaded"), "retriable", true),
                Arguments.of(new AuthenticationException("bad key"), "http_401", false),
                Arguments.of(new ModelNotFoundException("no gpt-9"), "http_404", false),
                Arguments.of(new ContentFilteredException("blocked"), "content_filtered", false),
                Arguments.of(new InvalidRequestException("max_tokens too large"), "http_400", false),
                Arguments.of(new HttpException(503, "unavailable"), "http_503", true),
                Arguments.of(new HttpException(408, "request timeout"), "http_408", true),
                Arguments.of(new HttpException(403, "forbidden"), "http_403", false));
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @MethodSource("classified")
    void a_chat_model_failure_becomes_a_target_failure_of_the_matching_kind(RuntimeException thrown, String kind,
                                                                            boolean retriable) {
        FakeChatModel model = new FakeChatModel("never", null).failingOnce(thrown);

        TargetException e = catchThrowableOfType(TargetException.class, () -> ChatModelTarget.of(model).call(REQUEST));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.retriable()).isEqualTo(retriable);
        assertThat(e).hasCause(thrown);
    }

    @Test
    void an_unclassified_failure_propagates_unchanged_for_the_runner_to_record() {
        LangChain4jException odd = new LangChain4jException("tool schema rejected");
        FakeChatModel model = new FakeChatModel("never", null).failingOnce(odd);

        assertThatThrownBy(() -> ChatModelTarget.of(model).call(REQUEST)).isSameAs(odd);
    }

    @Test
    void the_message_names_the_fix_for_bad_credentials() {
        FakeChatModel model = new FakeChatModel("never", null).failingOnce(new AuthenticationException("401"));

        assertThatThrownBy(() -> ChatModelTarget.of(model).call(REQUEST))
                .hasMessageContaining("check the API key");
    }
}
