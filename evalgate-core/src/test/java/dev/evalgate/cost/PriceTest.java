package dev.evalgate.cost;

import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PriceTest {

    @Test
    void token_cost_is_tokens_times_price_per_million() {
        Double cost = Price.perMtok(0.15, 0.60).cost(new TokenUsage(1_000, 200));

        assertThat(cost).isCloseTo(1_000 * 0.15 / 1e6 + 200 * 0.60 / 1e6, within(1e-15));
    }

    @Test
    void per_request_amount_is_added() {
        assertThat(new Price(1.0, 2.0, 0.01).cost(new TokenUsage(1_000_000, 0))).isCloseTo(1.01, within(1e-12));
    }

    @Test
    void token_prices_without_usage_give_an_unknown_cost() {
        assertThat(Price.perMtok(0.15, 0.60).cost(null)).isNull();
    }

    @Test
    void a_per_request_price_needs_no_usage() {
        assertThat(Price.perRequest(0.002).cost(null)).isEqualTo(0.002);
    }

    @Test
    void tokens_on_an_unpriced_side_make_the_cost_unknown() {
        Price inputOnly = new Price(1.0, null, null);

        assertThat(inputOnly.cost(new TokenUsage(100, 5))).isNull();
        assertThat(inputOnly.cost(new TokenUsage(1_000_000, 0))).isEqualTo(1.0);
    }

    @Test
    void a_price_with_no_parts_knows_nothing() {
        assertThat(new Price(null, null, null).known()).isFalse();
        assertThat(new Price(null, null, null).cost(TokenUsage.ZERO)).isNull();
    }

    @Test
    void a_free_model_costs_zero_not_unknown() {
        assertThat(Price.perMtok(0, 0).cost(new TokenUsage(500, 500))).isEqualTo(0.0);
    }

    @Test
    void negative_amounts_are_refused() {
        assertThatThrownBy(() -> new Price(-1.0, 0.0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
