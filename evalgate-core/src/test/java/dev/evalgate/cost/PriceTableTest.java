package dev.evalgate.cost;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceTableTest {

    private final PriceTable table = PriceTable.builtIn();

    @Test
    void built_in_table_is_dated_and_loaded_once() {
        assertThat(table.version()).isEqualTo("2026-11-01");
        assertThat(table.currency()).isEqualTo("USD");
        assertThat(PriceTable.builtIn()).isSameAs(table);
    }

    @Test
    void built_in_table_prices_the_common_hosted_models() {
        assertThat(table.models()).contains("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3",
                "o4-mini", "claude-3-5-haiku", "claude-sonnet-4", "claude-opus-4");
        assertThat(table.find("gpt-4o-mini")).contains(Price.perMtok(0.15, 0.60));
    }

    @Test
    void an_exact_name_wins_over_a_shorter_prefix() {
        assertThat(table.resolve("gpt-4o-mini")).contains("gpt-4o-mini");
        assertThat(table.resolve("gpt-4o")).contains("gpt-4o");
        assertThat(table.find("gpt-4o-mini")).isNotEqualTo(table.find("gpt-4o"));
    }

    @Test
    void a_dated_snapshot_resolves_to_the_longest_known_prefix() {
        assertThat(table.resolve("gpt-4o-mini-2024-07-18")).contains("gpt-4o-mini");
        assertThat(table.resolve("gpt-4o-2024-08-06")).contains("gpt-4o");
        assertThat(table.resolve("claude-sonnet-4-20250514")).contains("claude-sonnet-4");
        assertThat(table.resolve("claude-sonnet-4-5-20250929")).contains("claude-sonnet-4-5");
        assertThat(table.resolve("claude-sonnet-4@20250514")).contains("claude-sonnet-4");
        assertThat(table.resolve("claude-3-5-haiku-latest")).contains("claude-3-5-haiku");
    }

    @Test
    void a_prefix_must_end_at_a_separator() {
        PriceTable small = PriceTable.parse("prices.yaml", """
                version: 2026-01-01
                currency: USD
                models:
                  gpt-4o: { input: 2.5, output: 10 }
                """);

        assertThat(small.resolve("gpt-4o-mini-2024-07-18")).contains("gpt-4o");
        assertThat(small.resolve("gpt-4omni")).isEmpty();
        assertThat(small.resolve("gpt-4")).isEmpty();
    }

    @Test
    void names_compare_without_case_and_surrounding_space() {
        assertThat(table.resolve(" GPT-4o-Mini ")).contains("gpt-4o-mini");
    }

    @Test
    void unknown_models_have_no_price() {
        assertThat(table.find("my-finetune")).isEmpty();
        assertThat(table.find("")).isEmpty();
        assertThat(table.find(null)).isEmpty();
    }

    @Test
    void a_table_entry_missing_a_price_is_a_config_error_with_the_line() {
        assertThatThrownBy(() -> PriceTable.parse("prices.yaml", """
                version: 2026-01-01
                currency: USD
                models:
                  a: { input: 1, output: 2 }
                  b: { input: 1 }
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("prices.yaml:5: model 'b' needs both 'input' and 'output' prices per million tokens");
    }

    @Test
    void a_negative_price_is_a_config_error() {
        assertThatThrownBy(() -> PriceTable.parse("prices.yaml", """
                version: 2026-01-01
                currency: USD
                models:
                  a: { input: -1, output: 2 }
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'models.a.input' must be an amount in US dollars of 0 or more");
    }

    @Test
    void a_table_in_another_currency_is_refused() {
        assertThatThrownBy(() -> PriceTable.parse("prices.yaml", "version: x\ncurrency: EUR\nmodels: {}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be USD");
    }
}
