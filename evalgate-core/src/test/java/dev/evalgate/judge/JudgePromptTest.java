package dev.evalgate.judge;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.prompt.PromptTemplate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgePromptTest {

    private static Case kase(Map<String, Object> vars) {
        return new Case("c1", vars, Expected.none(), Map.of(), null, "cases.jsonl:2");
    }

    @Test
    void rubric_var_shows_each_case_its_own_rubric() {
        JudgePrompt prompt = new JudgePrompt(JudgeMode.RUBRIC, null, null, null, "my_rubric");
        String user = prompt.render(kase(Map.of("input", "q", "my_rubric", "mentions cats")), "an answer").user();
        assertThat(user).contains("mentions cats", "an answer");
    }

    @Test
    void rubric_var_missing_from_a_case_is_an_error_naming_the_case_and_field() {
        JudgePrompt prompt = new JudgePrompt(JudgeMode.RUBRIC, null, null, null, "my_rubric");
        assertThatThrownBy(() -> prompt.render(kase(Map.of("input", "q")), "x"))
                .isInstanceOf(PromptTemplate.PromptException.class)
                .hasMessageContaining("case c1 (cases.jsonl:2) has no field 'my_rubric'");
    }

    @Test
    void the_rubric_var_is_part_of_what_the_fingerprint_covers() {
        assertThat(new JudgePrompt(JudgeMode.RUBRIC, null, null, null, "a").source())
                .isNotEqualTo(new JudgePrompt(JudgeMode.RUBRIC, null, null, null, "b").source());
    }
}
