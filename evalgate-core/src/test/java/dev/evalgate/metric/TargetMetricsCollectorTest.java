package dev.evalgate.metric;

import dev.evalgate.score.Outcome;
import dev.evalgate.stats.Proportion;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.evalgate.metric.Results.error;
import static dev.evalgate.metric.Results.fail;
import static dev.evalgate.metric.Results.pass;
import static dev.evalgate.metric.Results.result;
import static dev.evalgate.metric.Results.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TargetMetricsCollectorTest {

    @Test
    void errored_cases_count_as_not_passed_and_as_errors() {
        TargetMetricsCollector collector = collector();
        collector.add(result("a", pass(100)));
        collector.add(result("b", pass(120)));
        collector.add(result("c", fail(130)));
        collector.add(result("d", error(30_000)));

        TargetMetrics metrics = collector.finish(Duration.ofSeconds(2));

        assertThat(metrics.cases()).isEqualTo(4);
        assertThat(metrics.passed()).isEqualTo(2);
        assertThat(metrics.failed()).isEqualTo(1);
        assertThat(metrics.errored()).isEqualTo(1);
        assertThat(metrics.passRate()).isEqualTo(0.5);
        assertThat(metrics.errorRate()).isEqualTo(0.25);
        assertThat(metrics.passRateMethod()).isEqualTo("wilson");
        assertThat(metrics.passRateInterval()).isEqualTo(Proportion.wilson(2, 4, 0.95));
        assertThat(metrics.throughputPerSecond()).isEqualTo(2.0);
    }

    @Test
    void latency_keeps_the_calls_that_failed() {
        TargetMetricsCollector collector = collector();
        collector.add(result("a", pass(100)));
        collector.add(result("b", error(30_000)));

        LatencyStats latency = collector.finish(Duration.ofSeconds(1)).latency();

        assertThat(latency.n()).isEqualTo(2);
        assertThat(latency.max()).isEqualTo(30_000);
        assertThat(latency.p99()).isEqualTo(30_000);
        assertThat(latency.p50()).isEqualTo(100);
        assertThat(latency.mean()).isEqualTo(15_050);
    }

    @Test
    void cost_is_unknown_not_zero_when_any_call_cost_is_unknown() {
        TargetMetricsCollector collector = collector();
        collector.add(result("a", pass(100)));
        collector.add(result("b", sample(Outcome.PASS, "ok", 100, new TokenUsage(5, 5), null)));

        CostStats cost = collector.finish(Duration.ofSeconds(1)).cost();

        assertThat(cost.totalUsd()).isNull();
        assertThat(cost.perRequestUsd()).isNull();
        assertThat(cost.per1000Usd()).isNull();
        assertThat(cost.callsWithUnknownCost()).isEqualTo(1);
        assertThat(cost.knownUsd()).isEqualTo(0.001);
        assertThat(cost.known()).isFalse();
    }

    @Test
    void cost_per_request_and_per_thousand_when_every_cost_is_known() {
        TargetMetricsCollector collector = collector();
        collector.add(result("a", pass(100)));
        collector.add(result("b", sample(Outcome.PASS, "ok", 100, null, 0.003)));

        CostStats cost = collector.finish(Duration.ofSeconds(1)).cost();

        assertThat(cost.totalUsd()).isCloseTo(0.004, within(1e-12));
        assertThat(cost.perRequestUsd()).isCloseTo(0.002, within(1e-12));
        assertThat(cost.per1000Usd()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void tokens_sum_reported_usage_and_count_calls_without_it() {
        TargetMetricsCollector collector = collector();
        collector.add(result("a", pass(100)));
        collector.add(result("b", fail(100)));
        collector.add(result("c", error(100)));

        TokenTotals tokens = collector.finish(Duration.ofSeconds(1)).tokens();

        assertThat(tokens.input()).isEqualTo(20);
        assertThat(tokens.output()).isEqualTo(4);
        assertThat(tokens.callsWithoutUsage()).isEqualTo(1);
        assertThat(tokens.note()).isEqualTo("tokens unknown for 1 call");
    }

    @Test
    void fractional_passes_switch_the_pass_rate_to_a_t_interval_over_cases() {
        TargetMetricsCollector collector = collector();
        // K = 2: three cases pass one repeat of two, seven pass both. Per-case fractions: 0.5 x3, 1.0 x7.
        for (int i = 0; i < 10; i++) {
            collector.add(i < 3 ? result("c" + i, pass(10), fail(10)) : result("c" + i, pass(10), pass(10)));
        }

        TargetMetrics metrics = collector.finish(Duration.ofSeconds(1));

        assertThat(metrics.calls()).isEqualTo(20);
        assertThat(metrics.passRateMethod()).isEqualTo("t");
        assertThat(metrics.passRate()).isCloseTo(0.85, within(1e-12));
        // Sum of squared deviations 3(0.35^2) + 7(0.15^2) = 0.525, so SE = sqrt(0.525 / 9 / 10); t(9) = 2.262157.
        assertThat(metrics.passRateInterval().lower())
                .isCloseTo(0.85 - 2.262157 * Math.sqrt(0.525 / 90), within(1e-6));
        assertThat(metrics.passRateInterval().upper()).isEqualTo(1.0);
        assertThat(metrics.passed()).isEqualTo(7);
        assertThat(metrics.failed()).isEqualTo(3);
    }

    @Test
    void mean_score_has_a_t_interval() {
        TargetMetricsCollector collector = collector();
        collector.add(result("a", pass(10)));
        collector.add(result("b", fail(10)));
        collector.add(result("c", pass(10)));

        TargetMetrics metrics = collector.finish(Duration.ofSeconds(1));

        assertThat(metrics.meanScore()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(metrics.meanScoreInterval().lower()).isEqualTo(0.0);
        assertThat(metrics.meanScoreInterval().upper()).isEqualTo(1.0);
    }

    @Test
    void an_empty_run_reports_no_data_rather_than_zeros() {
        TargetMetrics metrics = collector().finish(Duration.ZERO);

        assertThat(metrics.cases()).isZero();
        assertThat(metrics.passRate()).isNaN();
        assertThat(metrics.passRateInterval().isEmpty()).isTrue();
        assertThat(metrics.latency().note()).isEqualTo("no calls, so no latency");
        assertThat(metrics.throughputPerSecond()).isNaN();
        assertThat(metrics.classification()).isNull();
    }

    @Test
    void adds_from_many_threads_lose_nothing() throws InterruptedException {
        TargetMetricsCollector collector = collector();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 4_000; i++) {
                String id = "c" + i;
                boolean passes = i % 4 != 0;
                pool.submit(() -> collector.add(result(id, passes ? pass(50) : fail(70))));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        TargetMetrics metrics = collector.finish(Duration.ofSeconds(1));

        assertThat(metrics.cases()).isEqualTo(4_000);
        assertThat(metrics.passed()).isEqualTo(3_000);
        assertThat(metrics.latency().n()).isEqualTo(4_000);
        assertThat(metrics.tokens().input()).isEqualTo(40_000);
    }

    private static TargetMetricsCollector collector() {
        return new TargetMetricsCollector("t", List.of(), false);
    }
}
