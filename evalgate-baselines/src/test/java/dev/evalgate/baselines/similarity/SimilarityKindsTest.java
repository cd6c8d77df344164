package dev.evalgate.baselines.similarity;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.score.Scorers;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityKindsTest {

    private static final ConfigNode WHERE = ConfigNode.Mapping.empty("evalgate.yaml", 1, "scorers");

    private static Options options(String yaml) {
        return Options.of(YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of())));
    }

    @Test
    void both_ids_resolve_through_the_built_in_registry() {
        Scorers scorers = Scorers.builtIn();

        assertThat(scorers.ids()).contains("similarity", "edit-distance");
        assertThat(scorers.get("similarity", WHERE)).isInstanceOf(SimilarityScorer.Kind.class);
        assertThat(scorers.get("edit-distance", WHERE)).isInstanceOf(EditDistanceScorer.Kind.class);
    }

    @Test
    void threshold_defaults_to_0_8_and_reads_the_option_or_the_short_form() {
        assertThat(new SimilarityScorer.Kind().create(options("{}"))).isEqualTo(new SimilarityScorer(0.8));
        assertThat(new SimilarityScorer.Kind().create(options("threshold: 0.6"))).isEqualTo(new SimilarityScorer(0.6));
        assertThat(((EditDistanceScorer) new EditDistanceScorer.Kind().create(options("value: 0.9"))).threshold())
                .isEqualTo(0.9);
    }

    @Test
    void edit_distance_reads_normalize_like_equals() {
        EditDistanceScorer scorer = (EditDistanceScorer) new EditDistanceScorer.Kind()
                .create(options("normalize: [strip_punctuation, lowercase]"));

        assertThat(scorer.normalizer().apply(" Hi, There! ")).isEqualTo(" hi there ");
    }
}
