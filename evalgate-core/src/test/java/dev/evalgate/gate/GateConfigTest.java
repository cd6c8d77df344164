package dev.evalgate.gate;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateConfigTest {

    private static ConfigNode suite(String yaml) {
        return YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of()));
    }

    @Test
    void a_suite_without_a_gate_or_with_an_empty_one_has_none() {
        assertThat(GateConfig.ofSuite(suite("suite: s\n"))).isSameAs(GateConfig.NONE);
        assertThat(GateConfig.ofSuite(suite("suite: s\ngate:\n"))).isSameAs(GateConfig.NONE);
    }

    @Test
    void reads_the_gate_section_of_a_whole_suite() {
        GateConfig gate = GateConfig.ofSuite(suite("""
                suite: s
                gate:
                  absolute: { pass_rate: ">= 0.85" }
                """));

        assertThat(gate.isEmpty()).isFalse();
    }

    @Test
    void a_config_that_is_not_a_mapping_is_not_a_suite() {
        assertThatThrownBy(() -> GateConfig.ofSuite(suite("- just\n- a list\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not a suite");
    }
}
