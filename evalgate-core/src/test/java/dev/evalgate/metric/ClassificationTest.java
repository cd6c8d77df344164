package dev.evalgate.metric;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.evalgate.metric.Results.labelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassificationTest {

    private static final double TOLERANCE = 1e-12;

    /**
     * Ten cases. Expected billing ×4: predicted billing, billing, refund, (error). Expected refund ×4: refund,
     * refund, refund, billing. Expected spam ×2: spam, refund.
     */
    private static Classification example() {
        TargetMetricsCollector collector = new TargetMetricsCollector("t", List.of(), true);
        collector.add(labelled("1", "billing", "billing"));
        collector.add(labelled("2", "billing", "billing"));
        collector.add(labelled("3", "billing", "refund"));
        collector.add(labelled("4", "billing", null));
        collector.add(labelled("5", "refund", "refund"));
        collector.add(labelled("6", "refund", "refund"));
        collector.add(labelled("7", "refund", "refund"));
        collector.add(labelled("8", "refund", "billing"));
        collector.add(labelled("9", "spam", "spam"));
        collector.add(labelled("10", "spam", "refund"));
        return collector.finish(Duration.ofSeconds(1)).classification();
    }

    @Test
    void confusion_matrix_is_sorted_and_dense_with_errors_last() {
        Map<String, Map<String, Long>> confusion = example().confusion();

        assertThat(confusion.keySet()).containsExactly("billing", "refund", "spam");
        assertThat(confusion.get("billing").keySet()).containsExactly("billing", "refund", "spam", "(error)");
        assertThat(confusion.get("billing")).containsEntry("billing", 2L).containsEntry("refund", 1L)
                .containsEntry("spam", 0L).containsEntry("(error)", 1L);
        assertThat(confusion.get("refund")).containsEntry("refund", 3L).containsEntry("billing", 1L);
        assertThat(confusion.get("spam")).containsEntry("spam", 1L).containsEntry("refund", 1L);
    }

    @Test
    void per_label_precision_recall_and_f1_match_hand_computation() {
        List<LabelMetrics> labels = example().labels();

        // billing: tp 2, predicted 3 (2 + refund's 1), support 4 -> P 2/3, R 1/2, F1 4/7.
        assertThat(labels.get(0).label()).isEqualTo("billing");
        assertThat(labels.get(0).precision()).isCloseTo(2.0 / 3, within(TOLERANCE));
        assertThat(labels.get(0).recall()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(labels.get(0).f1()).isCloseTo(4.0 / 7, within(TOLERANCE));
        assertThat(labels.get(0).support()).isEqualTo(4);
        // refund: tp 3, predicted 5, support 4 -> P 3/5, R 3/4, F1 2/3.
        assertThat(labels.get(1).precision()).isCloseTo(0.6, within(TOLERANCE));
        assertThat(labels.get(1).recall()).isCloseTo(0.75, within(TOLERANCE));
        assertThat(labels.get(1).f1()).isCloseTo(2.0 / 3, within(TOLERANCE));
        // spam: tp 1, predicted 1, support 2 -> P 1, R 1/2, F1 2/3.
        assertThat(labels.get(2).precision()).isCloseTo(1.0, within(TOLERANCE));
        assertThat(labels.get(2).recall()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(labels.get(2).f1()).isCloseTo(2.0 / 3, within(TOLERANCE));
    }

    @Test
    void accuracy_counts_errors_as_wrong_and_macro_f1_averages_labels() {
        Classification classification = example();

        assertThat(classification.cases()).isEqualTo(10);
        assertThat(classification.errors()).isEqualTo(1);
        assertThat(classification.accuracy()).isCloseTo(0.6, within(TOLERANCE));
        assertThat(classification.macroF1()).isCloseTo((4.0 / 7 + 2.0 / 3 + 2.0 / 3) / 3, within(TOLERANCE));
    }

    @Test
    void a_label_only_ever_predicted_gets_zero_recall_and_f1() {
        Classification classification = Classification.of(Map.of("a", Map.of("a", 1L, "b", 1L)));

        assertThat(classification.labels()).extracting(LabelMetrics::label).containsExactly("a", "b");
        assertThat(classification.labels().get(1).precision()).isZero();
        assertThat(classification.labels().get(1).recall()).isZero();
        assertThat(classification.labels().get(1).f1()).isZero();
        assertThat(classification.confusion().get("b")).containsEntry("a", 0L).containsEntry("b", 0L);
        assertThat(classification.confusion().get("a")).doesNotContainKey("(error)");
    }
}
