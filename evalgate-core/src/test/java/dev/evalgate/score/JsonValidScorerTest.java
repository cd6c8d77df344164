package dev.evalgate.score;

import org.junit.jupiter.api.Test;

import static dev.evalgate.score.ScorerFixtures.expectingNothing;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;

class JsonValidScorerTest {

    private final Scorer valid = scorer("- json-valid");

    @Test
    void passes_on_any_single_json_value() {
        assertThat(valid.score(expectingNothing(), " {\"a\": [1, 2]}\n").outcome()).isEqualTo(Outcome.PASS);
        assertThat(valid.score(expectingNothing(), "42").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void fails_with_the_parse_error_and_its_position() {
        Score score = valid.score(expectingNothing(), "{\"a\": 1,}");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.reason()).startsWith("output is not valid JSON: ").contains("at line 1, column");
    }

    @Test
    void fails_on_text_after_the_json_value() {
        assertThat(valid.score(expectingNothing(), "{\"a\": 1} Hope this helps!").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void fails_on_empty_output() {
        assertThat(valid.score(expectingNothing(), "  ").reason()).isEqualTo("output is empty, not JSON");
    }

    @Test
    void with_extract_passes_on_a_json_object_inside_prose_and_fails_without_one() {
        Scorer extract = scorer("- json-valid: { extract: true }");
        assertThat(extract.score(expectingNothing(), "Here: {\"city\": \"Oslo\"} thanks").outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(extract.score(expectingNothing(), "```json\n{\"a\": 1}\n```").outcome()).isEqualTo(Outcome.PASS);
        assertThat(extract.score(expectingNothing(), "no {json here").outcome()).isEqualTo(Outcome.FAIL);
    }
}
