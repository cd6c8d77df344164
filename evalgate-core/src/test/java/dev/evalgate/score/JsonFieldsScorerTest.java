package dev.evalgate.score;

import org.junit.jupiter.api.Test;

import static dev.evalgate.score.ScorerFixtures.expecting;
import static dev.evalgate.score.ScorerFixtures.expectingJson;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;

class JsonFieldsScorerTest {

    private static final String EXPECTED = "{\"category\": \"billing\", \"priority\": 2, \"team\": \"emea\"}";

    @Test
    void passes_when_every_expected_field_matches_and_ignores_extra_fields() {
        Score score = scorer("- json-fields").score(expectingJson(EXPECTED),
                "{\"team\": \"emea\", \"priority\": 2.0, \"category\": \"billing\", \"note\": \"hi\"}");

        assertThat(score).isEqualTo(Score.pass("json-fields", "all 3 fields match"));
    }

    @Test
    void gives_partial_credit_and_names_the_fields_that_differ() {
        Score score = scorer("- json-fields").score(expectingJson(EXPECTED),
                "{\"category\": \"refund\", \"priority\": 2}");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.value()).isEqualTo(1.0 / 3);
        assertThat(score.reason()).isEqualTo("1 of 3 fields match; category: expected \"billing\" but got \"refund\"; "
                + "team: expected \"emea\" but got nothing");
    }

    @Test
    void pass_at_lowers_the_bar() {
        Score score = scorer("- json-fields: { pass_at: 0.6 }").score(expectingJson(EXPECTED),
                "{\"category\": \"billing\", \"priority\": 2, \"team\": \"apac\"}");

        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
        assertThat(score.value()).isEqualTo(2.0 / 3);
    }

    @Test
    void fields_restricts_the_comparison() {
        Score score = scorer("- json-fields: { fields: [category] }").score(expectingJson(EXPECTED),
                "{\"category\": \"billing\", \"priority\": 3}");

        assertThat(score).isEqualTo(Score.pass("json-fields", "all 1 fields match"));
    }

    @Test
    void reads_an_expected_object_given_as_json_text() {
        assertThat(scorer("- json-fields").score(expecting("{\"a\": 1}"), "{\"a\": 1}").outcome())
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void fails_when_the_output_is_not_a_json_object() {
        assertThat(scorer("- json-fields").score(expectingJson(EXPECTED), "[1]").reason())
                .isEqualTo("output is not a JSON object: \"[1]\"");
        assertThat(scorer("- json-fields").score(expectingJson(EXPECTED), "{oops").reason())
                .startsWith("output is not valid JSON: ");
    }

    @Test
    void errors_naming_the_case_when_its_expected_value_is_not_an_object() {
        Score score = scorer("- json-fields").score(expecting("billing"), "{\"category\": \"billing\"}");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).isEqualTo("case 'c1' (cases.jsonl:3) expects \"billing\", which is not a JSON "
                + "object; json-fields needs one such as {\"category\": \"billing\"}.");
    }

    @Test
    void errors_when_a_restricted_field_is_missing_from_the_expected_object() {
        Score score = scorer("- json-fields: { fields: [owner] }").score(expectingJson(EXPECTED), "{}");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).contains("has no field 'owner' in its expected object");
    }
}
