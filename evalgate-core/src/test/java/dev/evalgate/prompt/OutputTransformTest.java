package dev.evalgate.prompt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTransformTest {

    /** Parses the value of {@code transform:} written on line 1 of a suite file. */
    private static OutputTransform parse(String value) {
        ConfigNode root = YamlTree.parse("evalgate.yaml", "transform: " + value + "\n", Interpolator.of(Map.of()));
        return OutputTransform.parse(((ConfigNode.Mapping) root).entries().get("transform"));
    }

    @Test
    void a_regex_takes_the_first_capture_group_of_the_first_match() {
        OutputTransform transform = parse("{ regex: 'label: (\\w+)' }");

        assertThat(transform.apply("Thinking...\nlabel: billing\nlabel: refund")).contains("billing");
        assertThat(transform.describe()).isEqualTo("regex /label: (\\w+)/ group 1");
    }

    @Test
    void a_regex_can_take_another_group_and_dot_matches_newlines() {
        OutputTransform transform = parse("{ regex: '(\\w+)=(.+)END', group: 2 }");

        assertThat(transform.apply("key=two\nlines END")).contains("two\nlines ");
    }

    @Test
    void a_regex_without_a_group_takes_the_whole_match() {
        OutputTransform transform = parse("{ regex: '\\d+' }");

        assertThat(transform.apply("the answer is 42.")).contains("42");
        assertThat(transform.describe()).isEqualTo("regex /\\d+/ group 0");
    }

    @Test
    void a_regex_that_does_not_match_finds_nothing() {
        assertThat(parse("{ regex: 'label: (\\w+)' }").apply("I am not sure")).isEmpty();
        assertThat(parse("{ regex: 'a|(b)' }").apply("a")).isEmpty();
    }

    @Test
    void a_jsonpath_to_a_string_gives_the_string_itself() {
        OutputTransform transform = parse("{ jsonpath: $.label }");

        assertThat(transform.apply("{\"label\": \"billing\", \"confidence\": 0.9}")).contains("billing");
        assertThat(transform.describe()).isEqualTo("jsonpath $.label");
    }

    @Test
    void a_jsonpath_to_an_object_or_number_gives_its_json_text() throws Exception {
        OutputTransform transform = parse("{ jsonpath: $.result }");

        String object = transform.apply("{\"result\": {\"label\": \"billing\", \"score\": 2}}").orElseThrow();
        assertThat(new ObjectMapper().readTree(object))
                .isEqualTo(new ObjectMapper().readTree("{\"label\":\"billing\",\"score\":2}"));
        assertThat(transform.apply("{\"result\": 42}")).contains("42");
        assertThat(transform.apply("{\"result\": true}")).contains("true");
    }

    @Test
    void a_jsonpath_finds_nothing_in_a_missing_field_a_null_or_text_that_is_not_json() {
        OutputTransform transform = parse("{ jsonpath: $.label }");

        assertThat(transform.apply("{\"other\": 1}")).isEmpty();
        assertThat(transform.apply("{\"label\": null}")).isEmpty();
        assertThat(transform.apply("Sure! The label is billing.")).isEmpty();
        assertThat(transform.apply("")).isEmpty();
        assertThat(transform.apply("[1, 2]")).isEmpty();
    }

    @Test
    void a_jsonpath_filter_or_function_that_does_not_fit_the_answer_finds_nothing() {
        assertThat(parse("{ jsonpath: '$.items[?(@.score > 1)]' }").apply("{\"items\": 5}")).isEmpty();
        assertThat(parse("{ jsonpath: '$.scores.max()' }").apply("{\"scores\": []}")).isEmpty();
    }

    @Test
    void an_invalid_regex_names_the_key_and_the_problem() {
        assertThatThrownBy(() -> parse("{ regex: 'label: (\\w+' }")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'transform.regex' is not a valid regular expression: Unclosed group");
    }

    @Test
    void asking_for_a_group_the_regex_does_not_have_is_rejected() {
        assertThatThrownBy(() -> parse("{ regex: 'label: (\\w+)', group: 2 }")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'transform.regex' has 1 capture group(s), but 'group' asks for"
                        + " group 2");
    }

    @Test
    void both_regex_and_jsonpath_are_rejected_with_an_example() {
        assertThatThrownBy(() -> parse("{ regex: 'x', jsonpath: $.x }")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'transform' needs exactly one of 'regex' or 'jsonpath', e.g."
                        + " transform: { regex: \"label: (\\\\w+)\" }");
    }

    @Test
    void neither_regex_nor_jsonpath_is_rejected_with_an_example() {
        assertThatThrownBy(() -> parse("{ group: 1 }")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'transform' needs exactly one of 'regex' or 'jsonpath', e.g."
                        + " transform: { regex: \"label: (\\\\w+)\" }");
    }

    @Test
    void a_misspelt_key_is_reported_with_a_suggestion() {
        assertThatThrownBy(() -> parse("{ regx: 'x' }")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("evalgate.yaml:1: unknown key 'transform.regx'. Did you mean 'regex'?");
    }

    @Test
    void an_invalid_jsonpath_is_rejected() {
        assertThatThrownBy(() -> parse("{ jsonpath: '$.[' }")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("evalgate.yaml:1: key 'transform.jsonpath' is not a valid JSONPath: ");
    }

    @Test
    void identity_passes_the_answer_through() {
        assertThat(OutputTransform.IDENTITY.apply("as is")).contains("as is");
        assertThat(OutputTransform.IDENTITY.describe()).isEqualTo("none");
    }
}
