package dev.evalgate.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.metric.TargetMetricsCollector;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                Outcome.FAIL, null), new Score("judge", 0, Outcome.ERROR, "no verdict\nfrom the judge"));

        assertThat(StoreJson.readScores(StoreJson.scores(scores))).isEqualTo(scores);
    }

    @Test
    void round_trips_a_judge_scores_grading_spend() {
        List<Score> scores = List.of(new Score("judge", 0.5, Outcome.PASS, "2 of 3 votes pass: ok",
                new dev.evalgate.score.Grading(List.of(Outcome.PASS, Outcome.FAIL, Outcome.PASS), 2, 1,
                        new dev.evalgate.target.TokenUsage(240, 30), 0.00042, 812.5)),
                new Score("judge", 0, Outcome.ERROR, "judge error: refused",
                        new dev.evalgate.score.Grading(List.of(Outcome.ERROR), 1, 0, null, null, 40)));

        assertThat(StoreJson.readScores(StoreJson.scores(scores))).isEqualTo(scores);
    }

    @Test
    void reads_a_score_without_a_reason_key_as_an_empty_reason() {
        assertThat(StoreJson.readScores("[{\"scorer\":\"equals\",\"value\":1.0,\"outcome\":\"PASS\"}]"))
                .containsExactly(new Score("equals", 1.0, Outcome.PASS, ""));
    }

    @Test
    void round_trips_answer_lists_with_quotes_escapes_and_unicode() {
        List<String> answers = List.of("say \"hi\"", "back\\slash", "line\nbreak", "caf\u00e9 \u2028 \ud83d\ude00", "");

        assertThat(StoreJson.readStrings(StoreJson.write(answers))).isEqualTo(answers);
        assertThat(StoreJson.readStrings("[]")).isEmpty();
        assertThat(StoreJson.readStrings(null)).isEmpty();
    }

    @Test
    void reads_scalars_in_an_answer_list_as_their_text() {
        assertThat(StoreJson.readStrings("[1, 2.5, true, null]")).containsExactly("1", "2.5", "true", null);
    }

    @Test
    void an_answer_list_that_is_not_a_list_of_text_is_refused() {
        assertThatThrownBy(() -> StoreJson.readStrings("{\"a\": 1}")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> StoreJson.readStrings("[[\"a\"]]")).isInstanceOf(UncheckedIOException.class);
    }
}
