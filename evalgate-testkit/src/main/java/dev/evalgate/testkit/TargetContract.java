package dev.evalgate.testkit;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The behaviour every target kind must show, run by each kind's test against a backend that follows the fixture.
 *
 * <p>A subclass supplies a target whose backend (a loopback server, a worker process) answers every request with
 * {@link #answerFor} of the user text and, when the kind reports tokens, the usage {@link #usageFor} of it.
 */
public abstract class TargetContract {

    private Target target;

    /** A new target wired to a backend that follows the fixture. Called once per test. */
    protected abstract Target newTarget() throws Exception;

    /** Whether this kind reports tokens; if not, replies must carry no usage at all rather than zeros. */
    protected abstract boolean reportsTokens();

    /** The fixture's answer to a request whose user text is {@code userText}. */
    public static String answerFor(String userText) {
        return "echo:" + userText;
    }

    /** The fixture's token usage for a request whose user text is {@code userText}. */
    public static TokenUsage usageFor(String userText) {
        return new TokenUsage(userText.length(), answerFor(userText).length());
    }

    @BeforeEach
    final void createTarget() throws Exception {
        target = newTarget();
    }

    @AfterEach
    final void closeTarget() {
        target.close();
    }

    private static Request request(String id, String input) {
        return new Request(Case.of(id, input, Expected.none()), null, 0);
    }

    @Test
    void answers_a_known_case() throws Exception {
        Reply reply = target.call(request("greeting", "hello"));

        assertThat(reply.text()).isEqualTo(answerFor("hello"));
    }

    @Test
    void sends_quotes_newlines_and_unicode_unchanged() throws Exception {
        String input = "She said \"hi\" \\ then left.\n\tNext line: café ✓ 😀 </script>";

        Reply reply = target.call(request("tricky", input));

        assertThat(reply.text()).isEqualTo(answerFor(input));
    }

    @Test
    void sends_the_rendered_user_prompt_instead_of_the_raw_input() throws Exception {
        Case kase = Case.of("prompted", "raw input", Expected.none());
        Request request = new Request(kase, new RenderedPrompt("You are terse.", "Classify: raw input"), 0);

        Reply reply = target.call(request);

        assertThat(reply.text()).isEqualTo(answerFor("Classify: raw input"));
    }

    @Test
    void reports_tokens_exactly_when_the_kind_knows_them() throws Exception {
        Reply reply = target.call(request("tokens", "count me"));

        if (reportsTokens()) {
            assertThat(reply.usage()).isEqualTo(usageFor("count me"));
        } else {
            assertThat(reply.usage()).isNull();
        }
    }

    @Test
    void answers_16_concurrent_calls_each_with_its_own_answer() throws Exception {
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                Request request = request("c" + i, "input number " + i);
                replies.add(threads.submit(() -> target.call(request)));
            }
            for (int i = 0; i < 16; i++) {
                Reply reply = replies.get(i).get(2, TimeUnit.MINUTES);
                assertThat(reply.text()).as("reply to case c%d", i).isEqualTo(answerFor("input number " + i));
                if (reportsTokens()) {
                    assertThat(reply.usage()).as("usage of case c%d", i).isEqualTo(usageFor("input number " + i));
                }
            }
        }
    }

    @Test
    void close_may_be_called_twice() throws Exception {
        target.call(request("before-close", "x"));

        target.close();

        assertThatCode(target::close).doesNotThrowAnyException();
    }
}
