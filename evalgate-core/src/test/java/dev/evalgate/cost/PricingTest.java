package dev.evalgate.cost;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingTest {

    private static Options target(String yaml) {
        ConfigNode node = YamlTree.parse("suite.yaml", yaml, Interpolator.of(Map.of()));
        return Options.of(node);
    }

    @Test
    void a_known_model_is_priced_from_the_table_and_says_so() {
        PriceSource source = Pricing.forTarget(target("model: gpt-4o-mini-2024-07-18"), "gpt-4o-mini-2024-07-18");

        assertThat(source.price()).isEqualTo(Price.perMtok(0.15, 0.60));
        assertThat(source.origin()).isEqualTo("price table 2026-11-01: gpt-4o-mini");
    }

    @Test
    void config_overrides_win_over_the_table() {
        PriceSource source = Pricing.forTarget(target("{ input_per_mtok: 0.1, output_per_mtok: 0.4 }"), "gpt-4o-mini");

        assertThat(source).isEqualTo(new PriceSource(new Price(0.1, 0.4, null), "config"));
    }

    @Test
    void a_per_request_override_prices_calls_without_tokens() {
        PriceSource source = Pricing.forTarget(target("{ per_request: 0.0004 }"), null);

        assertThat(source.origin()).isEqualTo("config");
        assertThat(source.cost(null)).isEqualTo(0.0004);
    }

    @Test
    void a_model_without_a_price_is_unknown_never_zero() {
        PriceSource source = Pricing.forTarget(target("{ model: my-finetune }"), "my-finetune");

        assertThat(source).isEqualTo(PriceSource.unknown());
        assertThat(source.origin()).isEqualTo("unknown");
        assertThat(source.cost(new TokenUsage(10, 10))).isNull();
    }

    @Test
    void no_model_and_no_override_is_unknown() {
        assertThat(Pricing.forTarget(target("{}"), null).known()).isFalse();
    }

    @Test
    void override_keys_count_as_known_options_of_the_target() {
        Options options = target("{ per_request: 0.001 }");
        Pricing.forTarget(options, null);

        assertThatCode(options::done).doesNotThrowAnyException();
    }

    @Test
    void a_negative_override_names_the_key_and_the_rule() {
        assertThatThrownBy(() -> Pricing.forTarget(target("{ input_per_mtok: -0.5 }"), "gpt-4o"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("suite.yaml:1: key 'input_per_mtok' must be an amount in US dollars of 0 or more, "
                        + "such as 0.15, but is '-0.5'");
    }

    @Test
    void a_non_numeric_override_is_a_config_error() {
        assertThatThrownBy(() -> Pricing.forTarget(target("{ output_per_mtok: cheap }"), "gpt-4o"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'output_per_mtok' must be an amount in US dollars");
    }
}
