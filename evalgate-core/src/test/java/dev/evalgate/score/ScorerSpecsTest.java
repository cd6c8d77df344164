package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.evalgate.score.ScorerFixtures.expecting;
import static dev.evalgate.score.ScorerFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorerSpecsTest {

    @Test
    void reads_the_four_item_forms_of_the_suite_example() {
        List<ConfiguredScorer> scorers = parse("suite.yaml", """
                - equals: { normalize: [trim, lowercase] }
                - contains: { value: "refund" }
                - label
                - regex: "^[A-Z]{3}-\\\\d+$"
                """);

        assertThat(scorers).extracting(ConfiguredScorer::id).containsExactly("equals", "contains", "label", "regex");
        assertThat(scorers).extracting(ConfiguredScorer::spec).containsExactly(
                "equals{normalize=[trim, lowercase]}", "contains{value=refund}", "label",
                "regex{value=^[A-Z]{3}-\\d+$}");
        assertThat(scorers).extracting(ConfiguredScorer::classification).containsExactly(false, false, true, false);
    }

    @Test
    void scalar_shorthand_becomes_the_value_option() {
        Scorer regex = parse("suite.yaml", "- regex: \"^[A-Z]{3}-\\\\d+$\"").getFirst().scorer();

        assertThat(regex.score(expecting(""), "ABC-42").outcome()).isEqualTo(Outcome.PASS);
        assertThat(regex.score(expecting(""), "abc-42").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void list_shorthand_becomes_the_value_option() {
        ConfiguredScorer contains = parse("suite.yaml", "- contains: [refund, policy]").getFirst();

        assertThat(contains.spec()).isEqualTo("contains{value=[refund, policy]}");
        assertThat(contains.scorer().score(expecting(""), "refund policy").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_name_with_an_empty_value_has_no_options() {
        assertThat(parse("suite.yaml", "- json-valid:").getFirst().spec()).isEqualTo("json-valid");
    }

    @Test
    void a_mapping_with_two_scorers_in_one_item_explains_the_accepted_forms() {
        assertThatThrownBy(() -> parse("suite.yaml", "- { equals: {}, contains: refund }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("suite.yaml:2: key 'scorers[0]' is a mapping with 2 keys (equals, contains), "
                        + "which is not a scorer.")
                .hasMessageContaining("'- label' (a name)")
                .hasMessageContaining("'- equals: { normalize: [trim] }' (a name with options)")
                .hasMessageContaining("'- regex: \"^A\"' (a name with one value)");
    }

    @Test
    void a_nested_list_is_not_a_scorer() {
        assertThatThrownBy(() -> parse("suite.yaml", "- [equals]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'scorers[0]' is a list, which is not a scorer.");
    }

    @Test
    void an_unknown_option_is_reported_with_the_nearest_valid_key() {
        assertThatThrownBy(() -> parse("suite.yaml", "- equals: { normalise: [trim] }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'scorers[0].equals.normalise'")
                .hasMessageContaining("Did you mean 'normalize'?");
    }

    @Test
    void an_unknown_scorer_suggests_the_nearest_id() {
        assertThatThrownBy(() -> parse("suite.yaml", "- label\n- contain: refund"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("suite.yaml:3: key 'scorers[1]' names scorer 'contain'")
                .hasMessageContaining("Did you mean 'contains'?");
    }

    @Test
    void an_empty_scorer_list_is_refused() {
        ConfigNode root = YamlTree.parse("suite.yaml", "scorers: []", Interpolator.of(Map.of()));
        ConfigNode scorers = ((ConfigNode.Mapping) root).entries().get("scorers");

        assertThatThrownBy(() -> ScorerSpecs.parse(scorers, Scorers.builtIn()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'scorers' must list at least one scorer");
    }

    @Test
    void spec_masks_values_that_came_from_the_environment() {
        ConfigNode root = YamlTree.parse("suite.yaml", "scorers:\n  - contains: \"${WORD}\"",
                Interpolator.of(Map.of("WORD", "hunter2")));
        ConfigNode scorers = ((ConfigNode.Mapping) root).entries().get("scorers");

        assertThat(ScorerSpecs.parse(scorers, Scorers.builtIn()).getFirst().spec()).isEqualTo("contains{value=***}");
    }
}
