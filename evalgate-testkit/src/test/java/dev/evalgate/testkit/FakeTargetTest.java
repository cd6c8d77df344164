package dev.evalgate.testkit;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeTargetTest {

    private static Request request(String id, String expected) {
        return new Request(Case.of(id, "input of " + id, Expected.text(expected)), null, 0);
    }

    @Test
    void echoes_the_expected_answer() {
        assertThat(FakeTarget.echoExpected().call(request("c1", "billing")).text()).isEqualTo("billing");
    }

    @Test
    void answers_by_case_id_and_with_empty_text_for_unlisted_cases() {
        FakeTarget target = FakeTarget.answers(Map.of("c1", "refund"));

        assertThat(target.call(request("c1", "x")).text()).isEqualTo("refund");
        assertThat(target.call(request("c2", "x")).text()).isEmpty();
    }

    @Test
    void answers_wrongly_on_a_seeded_fraction_of_cases_the_same_way_every_time() {
        FakeTarget target = FakeTarget.echoExpected().wrongOn(0.3, 42);
        FakeTarget again = FakeTarget.echoExpected().wrongOn(0.3, 42);

        long wrong = IntStream.range(0, 1000)
                .filter(i -> target.call(request("case-" + i, "ok")).text().startsWith(FakeTarget.WRONG_PREFIX))
                .count();

        assertThat(wrong).isBetween(240L, 360L);
        IntStream.range(0, 1000).forEach(i -> assertThat(again.isWrong("case-" + i))
                .isEqualTo(target.isWrong("case-" + i)));
        assertThat(IntStream.range(0, 1000).filter(i -> target.isWrong("case-" + i)
                != FakeTarget.echoExpected().wrongOn(0.3, 7).isWrong("case-" + i)).count()).isPositive();
    }

    @Test
    void reports_fixed_tokens_only_when_asked() {
        assertThat(FakeTarget.echoExpected().call(request("c1", "x")).usage()).isNull();
        assertThat(FakeTarget.echoExpected().withTokens(10, 2).call(request("c1", "x")).usage())
                .isEqualTo(new TokenUsage(10, 2));
    }

    @Test
    void fails_a_case_the_given_number_of_times_then_answers() {
        TargetException busy = TargetException.retriable("http_503", "busy");
        FakeTarget target = FakeTarget.echoExpected().failingTimes("c1", 2, busy);

        assertThatThrownBy(() -> target.call(request("c1", "ok"))).isSameAs(busy);
        assertThatThrownBy(() -> target.call(request("c1", "ok"))).isSameAs(busy);
        Reply third = target.call(request("c1", "ok"));

        assertThat(third.text()).isEqualTo("ok");
        assertThat(target.calls("c1")).isEqualTo(3);
        assertThat(target.call(request("c2", "fine")).text()).isEqualTo("fine");
        assertThat(target.calls()).isEqualTo(4);
    }

    @Test
    void fails_a_case_every_time_when_no_count_is_given() {
        FakeTarget target = FakeTarget.echoExpected().failing("c1", TargetException.fatal("http_401", "no"));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> target.call(request("c1", "ok"))).isInstanceOf(TargetException.Fatal.class);
        }
    }

    @Test
    void remembers_that_it_was_closed() {
        FakeTarget target = FakeTarget.echoExpected();

        target.close();

        assertThat(target.closed()).isTrue();
    }
}
