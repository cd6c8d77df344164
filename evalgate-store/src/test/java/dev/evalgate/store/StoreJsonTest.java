package dev.evalgate.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreJsonTest {

    @Test
    void writes_metrics_without_data_as_null_and_leaves_out_derived_flags() throws Exception {
        TargetMetrics empty = new TargetMetricsCollector("mini", List.of(), false).finish(Duration.ZERO);

        JsonNode json = new ObjectMapper().readTree(StoreJson.metrics(empty));

        assertThat(json.path("targetId").asText()).isEqualTo("mini");
        assertThat(json.path("cases").asLong()).isZero();
        assertThat(json.path("latency").path("p95").isNull()).isTrue();
        assertThat(json.path("passRateInterval").path("lower").isNull()).isTrue();
        assertThat(json.path("passRateInterval").has("empty")).isFalse();
        assertThat(json.toString()).doesNotContain("NaN");
    }

    @Test
    void round_trips_scores_with_their_reasons() {
        List<Score> scores = List.of(Score.pass("equals", "matched \"yes\""), new Score("similarity", 0.25,
                Outcome.FAIL, null));

        assertThat(StoreJson.readScores(StoreJson.scores(scores))).isEqualTo(scores);
    }
}
