package dev.evalgate.baselines.tfidf;

import dev.evalgate.baselines.SupportRouting;
import dev.evalgate.baselines.keywords.KeywordsTargetKind;
import dev.evalgate.error.ConfigException;
import dev.evalgate.target.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TfidfTargetKindTest {

    @TempDir
    Path cache;

    @Test
    void beats_the_keyword_rules_on_the_example() throws Exception {
        double keywords;
        try (Target target = new KeywordsTargetKind().create(SupportRouting.spec("baseline:keywords", "", cache))) {
            keywords = SupportRouting.accuracy("keywords", target);
        }
        try (Target target = new TfidfTargetKind().create(SupportRouting.spec("baseline:tfidf", "", cache))) {
            double tfidf = SupportRouting.accuracy("tfidf", target);
            assertThat(tfidf).isGreaterThanOrEqualTo(0.6).isGreaterThanOrEqualTo(keywords);
        }
    }

    @Test
    void the_svm_solver_also_learns_the_example() throws Exception {
        try (Target target = new TfidfTargetKind().create(
                SupportRouting.spec("baseline:tfidf", "solver: svm\nngrams: 1\n", cache))) {
            assertThat(SupportRouting.accuracy("tfidf svm unigrams", target)).isGreaterThanOrEqualTo(0.6);
        }
    }

    @Test
    void an_unknown_solver_is_a_config_error() {
        assertThatThrownBy(() -> new TfidfTargetKind().create(SupportRouting.spec("baseline:tfidf", "solver: sgd\n", cache)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:5: key 'solver' must be 'logistic' or 'svm', but is 'sgd'");
    }

    @Test
    void vectors_are_unit_length_and_sorted_with_the_bias_last() {
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(java.util.List.of("refund my order", "order status"), 2, 1);
        var vector = vectorizer.transform("order order refund unknown");
        double norm = 0;
        for (int i = 0; i < vector.length - 1; i++) {
            norm += vector[i].getValue() * vector[i].getValue();
            if (i > 0) {
                assertThat(vector[i].getIndex()).isGreaterThan(vector[i - 1].getIndex());
            }
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(vector[vector.length - 1].getIndex()).isEqualTo(vectorizer.features() + 1);
    }
}
