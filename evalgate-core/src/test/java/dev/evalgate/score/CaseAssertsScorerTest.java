package dev.evalgate.score;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;

class CaseAssertsScorerTest {

    private final Scorer asserts = scorer("- case-asserts");

    private static Case withAsserts(Object asserts, Double threshold) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("input", "q");
        vars.put("asserts", asserts);
        if (threshold != null) {
            vars.put("asserts_threshold", threshold);
        }
        return new Case("c1", vars, Expected.none(), Map.of(), null, "cases.jsonl:4");
    }

    private static Map<String, Object> contains(String value) {
        return Map.of("scorer", "contains", "options", Map.of("value", value));
    }

    @Test
    void passes_when_every_check_of_the_case_passes() {
        Score score = asserts.score(withAsserts(List.of(contains("Paris"), contains("France")), null),
                "Paris, France");
        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
        assertThat(score.reason()).contains("contains passed");
    }

    @Test
    void fails_when_one_check_fails_and_says_which() {
        Score score = asserts.score(withAsserts(List.of(contains("Paris"), contains("Lyon")), null), "Paris");
        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.value()).isEqualTo(0.5);
        assertThat(score.reason()).contains("contains failed: missing \"Lyon\"");
    }

    @Test
    void negate_turns_a_pass_into_a_fail() {
        Map<String, Object> notParis = new HashMap<>(contains("Paris"));
        notParis.put("negate", true);
        assertThat(asserts.score(withAsserts(List.of(notParis), null), "Paris").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(asserts.score(withAsserts(List.of(notParis), null), "Rome").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_threshold_passes_on_the_weighted_share_of_passing_checks() {
        Map<String, Object> heavy = new HashMap<>(contains("42"));
        heavy.put("weight", 3);
        Map<String, Object> light = new HashMap<>(contains("forty-two"));
        Score score = asserts.score(withAsserts(List.of(heavy, light), 0.7), "42");
        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
        assertThat(score.value()).isEqualTo(0.75);
        assertThat(asserts.score(withAsserts(List.of(heavy, light), 0.8), "42").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void an_items_expected_answer_replaces_the_cases() {
        Map<String, Object> equals = Map.of("scorer", "equals", "options", Map.of("normalize", List.of()),
                "expected", "Paris");
        assertThat(asserts.score(withAsserts(List.of(equals), null), "Paris").outcome()).isEqualTo(Outcome.PASS);
        assertThat(asserts.score(withAsserts(List.of(equals), null), "Paris ").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void a_case_without_checks_passes_and_a_broken_item_is_an_error_naming_the_case() {
        Case none = new Case("c1", Map.of("input", "q"), Expected.none(), Map.of(), null, "cases.jsonl:4");
        assertThat(asserts.score(none, "x").outcome()).isEqualTo(Outcome.PASS);
        Score broken = asserts.score(withAsserts(List.of(Map.of("scorer", "contians")), null), "x");
        assertThat(broken.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(broken.reason()).contains("c1", "contians", "Did you mean 'contains'?");
    }
}
