package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPiecesTest {

    @Test
    void plain_placeholders_carry_over_and_nunjucks_logic_is_named() {
        assertThat(Templates.unsupported("Hi {{ name }}, see {{item.title}}")).isNull();
        assertThat(Templates.normalized("Hi {{ name }} costs ${5}")).isEqualTo("Hi {{name}} costs $${5}");
        assertThat(Templates.unsupported("{{ name | upper }}")).contains("{{ name | upper }}");
        assertThat(Templates.unsupported("{% if x %}y{% endif %}")).contains("Nunjucks tags");
        assertThat(Templates.envRefs("Bearer {{ env.TOKEN }}")).isEqualTo("Bearer ${TOKEN}");
    }

    @Test
    void assertion_values_are_filled_from_the_cases_variables() {
        assertThat(Templates.fill("{{ city }} is in {{country}}", Map.of("city", "Oslo")))
                .isEqualTo("Oslo is in {{country}}");
    }

    @Test
    void an_exec_command_line_splits_on_spaces_and_keeps_quoted_words_whole() {
        assertThat(ExecCommand.words("python  'my script.py' --flag \"a b\"")).containsExactly("python",
                "my script.py", "--flag", "a b");
    }

    @Test
    void csv_expected_cells_read_promptfoos_short_forms() {
        assertThat(type(CsvTests.assertion("t.csv", 2, "__expected", "Paris"))).isEqualTo("equals");
        assertThat(type(CsvTests.assertion("t.csv", 2, "__expected", "not-icontains: x"))).isEqualTo("not-icontains");
        assertThat(type(CsvTests.assertion("t.csv", 2, "__expected", "grade: polite"))).isEqualTo("llm-rubric");
        assertThat(type(CsvTests.assertion("t.csv", 2, "__expected", "fn: output.length > 3")))
                .isEqualTo("javascript");
        assertThat(type(CsvTests.assertion("t.csv", 2, "__expected", "is-json"))).isEqualTo("is-json");
        // a colon in a plain answer is not a type
        assertThat(type(CsvTests.assertion("t.csv", 2, "__expected", "Note: none"))).isEqualTo("equals");
        ConfigNode similar = CsvTests.assertion("t.csv", 2, "__expected", "similar(0.9): a cat");
        assertThat(((ConfigNode.Scalar) ((ConfigNode.Mapping) similar).entries().get("threshold")).value())
                .isEqualTo("0.9");
    }

    @Test
    void list_variables_expand_into_every_combination() {
        assertThat(VarExpansion.of(Map.of("a", List.of("1", "2"))).stream().map(m -> m.get("a")))
                .containsExactly("1", "2");
        java.util.LinkedHashMap<String, Object> two = new java.util.LinkedHashMap<>();
        two.put("a", List.of("1", "2"));
        two.put("b", List.of("x", "y", "z"));
        assertThat(VarExpansion.of(two)).hasSize(6);
    }

    @Test
    void header_names_become_environment_variable_names() {
        assertThat(Secrets.variableFor("X-Api-Key")).isEqualTo("X_API_KEY");
        assertThat(Secrets.variableFor("apiKey")).isEqualTo("API_KEY");
        assertThat(Secrets.isCredential("max_tokens")).isFalse();
        assertThat(Secrets.isCredential("Authorization")).isTrue();
    }

    private static String type(ConfigNode node) {
        return ((ConfigNode.Scalar) ((ConfigNode.Mapping) node).entries().get("type")).value();
    }
}
