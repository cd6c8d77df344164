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

    @Test
    void a_gated_target_the_suite_does_not_have_is_an_error_at_its_line_with_the_nearest_id() {
        assertThatThrownBy(() -> GateConfig.ofSuite(suite("""
                suite: s
                targets:
                  - { id: py-rules, type: command }
                  - { id: kw, type: command }
                gate:
                  absolute: { pass_rate: ">= 0.85" }
                  targets: [kw, py-rule]
                """))).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:7: key 'gate.targets[1]' names no target of the suite: 'py-rule'."
                        + " Did you mean 'py-rules'? The suite's targets: py-rules, kw.");
    }

    @Test
    void every_gated_target_that_the_suite_lists_is_accepted() {
        GateConfig gate = GateConfig.ofSuite(suite("""
                suite: s
                targets:
                  - { id: py-rules, type: command }
                  - { id: kw, type: command }
                gate:
                  absolute: { pass_rate: ">= 0.85" }
                  targets: [kw, py-rules]
                """));

        assertThat(gate.targets()).containsExactly("kw", "py-rules");
    }

    @Test
    void a_rate_budget_above_1_can_never_be_met_and_is_rejected() {
        assertThatThrownBy(() -> GateConfig.ofSuite(suite("""
                suite: s
                gate:
                  absolute: { pass_rate: ">= 1.5" }
                """))).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:3: key 'gate.absolute.pass_rate' is a rate between 0 and 1, so a limit of"
                        + " 1.5 can never be met; write e.g. \">= 0.85\"");
        assertThatThrownBy(() -> GateConfig.ofSuite(suite("suite: s\ngate: { absolute: { error_rate: \"<= 2\" } }\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("error_rate' is a rate between 0 and 1");
    }

    @Test
    void negative_or_malformed_limits_are_rejected() {
        for (String limit : new String[] {">== 0.5", "<= -1", "=> 0.5", "fast"}) {
            assertThatThrownBy(() -> GateConfig.ofSuite(suite("suite: s\ngate: { absolute: { p95_latency_ms: \""
                    + limit + "\" } }\n"))).as(limit).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("p95_latency_ms");
        }
    }

    @Test
    void a_rate_margin_above_1_is_rejected() {
        assertThatThrownBy(() -> GateConfig.ofSuite(suite("""
                suite: s
                gate:
                  baseline: { pass_rate: { margin: 1.5 } }
                """))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'gate.baseline.pass_rate.margin' is a change of a rate between 0 and 1");
    }

    @Test
    void a_gate_value_of_the_wrong_shape_is_a_config_error_at_its_line() {
        String[] gates = {
                "gate: [a, b]",
                "gate: fail",
                "gate: { absolute: [pass_rate] }",
                "gate: { absolute: { pass_rate: [\">= 0.5\"] } }",
                "gate: { absolute: { pass_rate: { min: 0.5 } } }",
                "gate: { baseline: { pass_rate: [0.05] } }",
                "gate: { baseline: { pass_rate: { margin: [0.05] } } }",
                "gate: { baseline: [pass_rate] }",
                "gate: { inconclusive: [fail] }",
                "gate: { targets: { a: b } }",
                "gate: { targets: [[a]] }",
                "gate: { absolute: { pass_rate: \"\" } }",
                "gate: { baseline: { pass_rate: { margin: \"\" } } }",
                "gate: { baseline: { pass_rate: } }",
                "gate: { absolute: { pass_rate: } }",
        };
        for (String gate : gates) {
            assertThatThrownBy(() -> GateConfig.ofSuite(suite("suite: s\n" + gate + "\n")))
                    .as(gate).isInstanceOf(ConfigException.class).hasMessageStartingWith("evalgate.yaml:2: ");
        }
    }
}
