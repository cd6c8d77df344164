package dev.evalgate.langchain4j;

import dev.evalgate.dataset.Case;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.langchain4j.exception.RateLimitException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AiServiceTargetTest {

    /** Stands in for the proxy {@code AiServices.create(Assistant.class, model)} returns. */
    interface Assistant {
        String answer(String question);
    }

    private static final Request REQUEST = new Request(Case.of("c1", "where is my card?", null),
            new RenderedPrompt("ignored by the service", "Query: where is my card?"), 0);

    @Test
    void answers_with_what_the_service_returns_for_the_user_text_and_unknown_tokens() {
        Assistant assistant = question -> "echo " + question;

        Reply reply = AiServiceTarget.of(request -> assistant.answer(request.userText())).call(REQUEST);

        assertThat(reply.text()).isEqualTo("echo Query: where is my card?");
        assertThat(reply.usage()).isNull();
    }

    @Test
    void a_rate_limit_inside_the_service_is_retriable() {
        Assistant assistant = question -> {
            throw new RateLimitException("slow down");
        };

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> AiServiceTarget.of(request -> assistant.answer(request.userText())).call(REQUEST));

        assertThat(e.kind()).isEqualTo("http_429");
        assertThat(e.retriable()).isTrue();
    }
}
