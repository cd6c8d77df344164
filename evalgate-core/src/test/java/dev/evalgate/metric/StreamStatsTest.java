package dev.evalgate.metric;

import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.target.StreamTiming;
import dev.evalgate.target.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamStatsTest {

    private static Sample streamed(double latencyMs, double ttftMs, double generationMs, boolean cached) {
        return new Sample(0, "ok", "ok", Outcome.PASS, 1, List.of(), cached ? Double.NaN : latencyMs,
                new TokenUsage(10, 20), null, 1, null, cached, new StreamTiming(ttftMs, generationMs));
    }

    @Test
    void streamed_calls_give_ttft_percentiles_with_a_p95_interval_and_the_median_output_speed() {
        TargetMetricsCollector collector = new TargetMetricsCollector("t", List.of(), false);
        for (int i = 1; i <= 100; i++) {
            collector.add(Results.result("c" + i, streamed(240 + i, 40 + i, 200, false)));
        }

        TargetMetrics m = collector.finish(Duration.ofSeconds(1));

        assertThat(m.streaming()).isNotNull();
        assertThat(m.streaming().ttft().n()).isEqualTo(100);
        assertThat(m.streaming().ttft().p50()).isEqualTo(90);
        assertThat(m.streaming().ttft().p95()).isEqualTo(135);
        assertThat(m.streaming().ttft().p95Interval()).isNotNull();
        assertThat(m.streaming().outputTokensPerSecondP50()).as("20 tokens in 200 ms").isEqualTo(100.0);
        assertThat(m.latency().p95()).isEqualTo(335);
    }

    @Test
    void cached_answers_have_no_first_token_and_targets_that_never_streamed_have_no_streaming_figures() {
        assertThat(streamed(100, 40, 50, true).stream()).isNull();
        TargetMetricsCollector cachedOnly = new TargetMetricsCollector("t", List.of(), false);
        cachedOnly.add(Results.result("c1", streamed(100, 40, 50, true)));
        TargetMetricsCollector plain = new TargetMetricsCollector("t", List.of(), false);
        plain.add(Results.result("c1", Results.pass(100)));

        assertThat(cachedOnly.finish(Duration.ofSeconds(1)).streaming()).isNull();
        assertThat(plain.finish(Duration.ofSeconds(1)).streaming()).isNull();
    }

    @Test
    void output_speed_is_unknown_without_tokens_or_generation_time() {
        assertThat(new StreamTiming(40, 0).outputTokensPerSecond(new TokenUsage(1, 5))).isNaN();
        assertThat(new StreamTiming(40, 100).outputTokensPerSecond(null)).isNaN();
        assertThat(new StreamTiming(40, 100).outputTokensPerSecond(new TokenUsage(1, 5))).isEqualTo(50.0);
    }
}
