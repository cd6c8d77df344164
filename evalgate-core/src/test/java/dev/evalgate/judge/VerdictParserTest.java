package dev.evalgate.judge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictParserTest {

    @Test
    void reads_a_complete_verdict() {
        VerdictParser.Parsed p = VerdictParser.parse(" {\"reason\": \"cites the policy\", \"verdict\": \"pass\", "
                + "\"score\": 0.8}\n", JudgeMode.RUBRIC);

        assertThat(p.pass()).isTrue();
        assertThat(p.score()).isEqualTo(0.8);
        assertThat(p.reason()).isEqualTo("cites the policy");
    }

    @Test
    void a_bare_yes_is_not_a_verdict() {
        assertThatThrownBy(() -> VerdictParser.parse("YES\n", JudgeMode.RUBRIC))
                .hasMessage("the judge's reply is not one JSON object: YES");
    }

    @Test
    void a_missing_field_is_never_defaulted() {
        assertThatThrownBy(() -> VerdictParser.parse("{\"reason\": \"ok\", \"score\": 1}", JudgeMode.RUBRIC))
                .hasMessageStartingWith("the judge's reply has no 'verdict'");
        assertThatThrownBy(() -> VerdictParser.parse("{\"verdict\": \"pass\", \"score\": 1}", JudgeMode.RUBRIC))
                .hasMessageStartingWith("the judge's reply has no 'reason'");
    }

    @Test
    void a_verdict_outside_its_set_or_a_score_outside_0_to_1_is_unreadable() {
        assertThatThrownBy(() -> VerdictParser.parse("{\"reason\": \"\", \"verdict\": \"PASS\", \"score\": 1}",
                JudgeMode.RUBRIC)).hasMessage("the judge's 'verdict' is \"PASS\", not one of pass, fail");
        assertThatThrownBy(() -> VerdictParser.parse("{\"reason\": \"\", \"verdict\": \"pass\", \"score\": 7}",
                JudgeMode.RUBRIC)).hasMessage("the judge's 'score' is 7, outside 0 to 1");
        assertThatThrownBy(() -> VerdictParser.parse("{\"reason\": \"\", \"verdict\": \"pass\", \"score\": \"1\"}",
                JudgeMode.RUBRIC)).hasMessage("the judge's 'score' is \"1\", not a number");
    }

    @Test
    void text_around_the_object_or_a_second_object_is_unreadable() {
        String verdict = "{\"reason\": \"\", \"verdict\": \"pass\", \"score\": 1}";
        assertThatThrownBy(() -> VerdictParser.parse("Sure! " + verdict, JudgeMode.RUBRIC))
                .isInstanceOf(VerdictParser.Unreadable.class);
        assertThatThrownBy(() -> VerdictParser.parse(verdict + " " + verdict, JudgeMode.RUBRIC))
                .isInstanceOf(VerdictParser.Unreadable.class);
        assertThatThrownBy(() -> VerdictParser.parse("```json\n" + verdict + "\n```", JudgeMode.RUBRIC))
                .isInstanceOf(VerdictParser.Unreadable.class);
    }

    @Test
    void the_reference_mode_passes_consistent_and_extra_and_fails_partial_and_contradicting() {
        for (String relation : new String[] {"consistent", "extra", "partial", "contradicting"}) {
            VerdictParser.Parsed p = VerdictParser.parse("{\"reason\": \"r\", \"relation\": \"" + relation
                    + "\", \"score\": 0.5}", JudgeMode.REFERENCE);
            assertThat(p.pass()).as(relation).isEqualTo(relation.equals("consistent") || relation.equals("extra"));
            assertThat(p.relation()).isEqualTo(relation);
        }
        assertThatThrownBy(() -> VerdictParser.parse("{\"reason\": \"r\", \"verdict\": \"pass\", \"score\": 1}",
                JudgeMode.REFERENCE)).hasMessageStartingWith("the judge's reply has no 'relation'");
    }
}
