package dev.evalgate.config;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlTreeTest {

    private static ConfigNode parse(String yaml) {
        return YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of()));
    }

    @Test
    void a_list_that_is_an_alias_of_itself_is_a_config_error_naming_the_file_and_line() {
        assertThatThrownBy(() -> parse("suite: s\na: &x [*x]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("evalgate.yaml:2: 'a[0]' is an alias of a list or mapping that contains it")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_mapping_that_contains_an_alias_of_itself_is_a_config_error() {
        assertThatThrownBy(() -> parse("run: &r\n  nested: *r\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("evalgate.yaml:1: 'run.nested' is an alias");
    }

    @Test
    void an_alias_repeating_a_node_defined_elsewhere_still_reads() {
        ConfigNode root = parse("base: &b { model: m }\ncopy: *b\nboth: [*b, *b]\n");

        Options options = Options.of(root);
        assertThat(Options.of(options.node("copy").orElseThrow()).string("model")).contains("m");
        assertThat(Options.items(options.node("both").orElseThrow())).hasSize(2);
    }
}
