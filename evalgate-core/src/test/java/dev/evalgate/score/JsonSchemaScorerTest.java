package dev.evalgate.score;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.evalgate.score.ScorerFixtures.expectingNothing;
import static dev.evalgate.score.ScorerFixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemaScorerTest {

    private static final String INLINE = """
            - json-schema:
                schema:
                  type: object
                  required: [category, priority]
                  additionalProperties: false
                  properties:
                    category: { enum: [billing, refund] }
                    priority: { type: integer, minimum: 1, maximum: 3 }
            """;

    @Test
    void passes_output_that_satisfies_an_inline_schema() {
        Score score = scorer(INLINE).score(expectingNothing(), "{\"category\": \"refund\", \"priority\": 2}");

        assertThat(score).isEqualTo(Score.pass("json-schema", "output matches the schema"));
    }

    @Test
    void reason_lists_the_first_three_violations_and_counts_the_rest() {
        Score score = scorer(INLINE).score(expectingNothing(),
                "{\"category\": \"sales\", \"priority\": 9, \"extra\": 1, \"more\": 2}");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.reason()).startsWith("4 schema violations: /category: does not have a value in the "
                + "enumeration [\"billing\", \"refund\"]; /priority: must have a maximum value of 3; (root): ")
                .endsWith("; and 1 more");
    }

    @Test
    void a_single_violation_names_the_field() {
        Score score = scorer(INLINE).score(expectingNothing(), "{\"category\": \"refund\"}");

        assertThat(score.reason()).isEqualTo("1 schema violation: (root): required property 'priority' not found");
    }

    @Test
    void fails_on_output_that_is_not_json() {
        assertThat(scorer(INLINE).score(expectingNothing(), "category: refund").reason())
                .startsWith("output is not valid JSON: ");
    }

    @Test
    void schema_may_be_json_text() {
        Scorer scorer = scorer("- json-schema: { schema: '{\"type\": \"array\", \"maxItems\": 2}' }");

        assertThat(scorer.score(expectingNothing(), "[1, 2]").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scorer.score(expectingNothing(), "[1, 2, 3]").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void schema_file_resolves_against_the_suite_folder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/answer.json"), "{\"type\": \"object\", \"required\": [\"id\"]}");
        String suite = dir.resolve("suite.yaml").toString();

        Scorer scorer = ScorerFixtures.parse(suite, "- json-schema: { schema_file: schemas/answer.json }")
                .getFirst().scorer();

        assertThat(scorer.score(expectingNothing(), "{\"id\": 1}").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scorer.score(expectingNothing(), "{}").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void schema_file_may_be_yaml_and_absolute(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("answer.yaml");
        Files.writeString(schema, "type: object\nproperties:\n  code: { type: string, const: \"007\" }\n");

        Scorer scorer = scorer("- json-schema: { schema_file: '" + schema + "' }");

        assertThat(scorer.score(expectingNothing(), "{\"code\": \"007\"}").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scorer.score(expectingNothing(), "{\"code\": 7}").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void a_missing_schema_file_names_the_resolved_path(@TempDir Path dir) {
        String suite = dir.resolve("suite.yaml").toString();

        assertThatThrownBy(() -> ScorerFixtures.parse(suite, "- json-schema: { schema_file: nope.json }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(suite + ":2: key 'scorers[0].json-schema.schema_file' names "
                        + dir.resolve("nope.json") + ", which does not exist.");
    }

    @Test
    void needs_exactly_one_of_schema_and_schema_file() {
        assertThatThrownBy(() -> scorer("- json-schema"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs a JSON Schema");
        assertThatThrownBy(() -> scorer("- json-schema: { schema: {type: object}, schema_file: a.json }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gives both 'schema' and 'schema_file'; keep one");
    }

    @Test
    void with_extract_passes_when_an_embedded_object_matches_the_schema() {
        Scorer extract = ScorerFixtures.scorer("- json-schema: { extract: true, schema: { type: object, required: [city],"
                + " properties: { city: { type: string } } } }");
        assertThat(extract.score(ScorerFixtures.expectingNothing(), "{\"x\": 1} then {\"city\": \"Oslo\"}")
                .outcome()).isEqualTo(Outcome.PASS);
        assertThat(extract.score(ScorerFixtures.expectingNothing(), "see {\"city\": 5}").reason())
                .isEqualTo("1 JSON object(s) found, none matches the schema");
    }
}
