package dev.evalgate.metric;

import dev.evalgate.stats.Proportion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.evalgate.metric.Results.error;
import static dev.evalgate.metric.Results.fail;
import static dev.evalgate.metric.Results.pass;
import static dev.evalgate.metric.Results.tagged;
import static org.assertj.core.api.Assertions.assertThat;

class SliceMetricsTest {

    @Test
    void each_tag_value_gets_its_pass_rate_and_untagged_cases_are_none() {
        TargetMetricsCollector collector = new TargetMetricsCollector("t", List.of("channel", "lang"), false);
        collector.add(tagged("1", Map.of("channel", "email", "lang", "en"), pass(10)));
        collector.add(tagged("2", Map.of("channel", "email"), fail(10)));
        collector.add(tagged("3", Map.of("channel", "chat"), error(10)));
        collector.add(tagged("4", Map.of("channel", "email"), pass(10)));

        Map<String, List<SliceMetrics>> slices = collector.finish(Duration.ofSeconds(1)).slices();

        assertThat(slices.keySet()).containsExactly("channel", "lang");
        List<SliceMetrics> channel = slices.get("channel");
        assertThat(channel).extracting(SliceMetrics::value).containsExactly("chat", "email");
        SliceMetrics chat = channel.get(0);
        assertThat(chat.n()).isEqualTo(1);
        assertThat(chat.passed()).isZero();
        assertThat(chat.errors()).isEqualTo(1);
        SliceMetrics email = channel.get(1);
        assertThat(email.n()).isEqualTo(3);
        assertThat(email.passed()).isEqualTo(2);
        assertThat(email.passRate()).isEqualTo(2.0 / 3);
        assertThat(email.passRateInterval()).isEqualTo(Proportion.wilson(2, 3, 0.95));
        assertThat(email.passRateMethod()).isEqualTo("wilson");
        assertThat(email.meanScore()).isEqualTo(2.0 / 3);
        assertThat(slices.get("lang")).extracting(SliceMetrics::value).containsExactly("(none)", "en");
        assertThat(slices.get("lang").get(0).n()).isEqualTo(3);
    }

    @Test
    void values_past_the_limit_are_lumped_into_other() {
        TargetMetricsCollector collector = new TargetMetricsCollector("t", List.of("user"), false);
        int extra = 5;
        for (int i = 0; i < TargetMetricsCollector.MAX_SLICE_VALUES + extra; i++) {
            collector.add(tagged("c" + i, Map.of("user", String.format("u%05d", i)), pass(10)));
        }
        collector.add(tagged("again", Map.of("user", "u00000"), fail(10)));

        List<SliceMetrics> users = collector.finish(Duration.ofSeconds(1)).slices().get("user");

        assertThat(users).hasSize(TargetMetricsCollector.MAX_SLICE_VALUES + 1);
        SliceMetrics other = users.stream().filter(s -> s.value().equals("(other)")).findFirst().orElseThrow();
        assertThat(other.n()).isEqualTo(extra);
        SliceMetrics first = users.stream().filter(s -> s.value().equals("u00000")).findFirst().orElseThrow();
        assertThat(first.n()).isEqualTo(2);
    }
}
