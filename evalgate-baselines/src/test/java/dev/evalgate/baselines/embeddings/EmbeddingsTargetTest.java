package dev.evalgate.baselines.embeddings;

import dev.evalgate.baselines.Trained;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.DatasetFiles;
import dev.evalgate.error.ConfigException;
import dev.evalgate.target.Request;
import dev.evalgate.target.TargetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddingsTargetTest {

    private static final Path SUITE = Path.of("..", "examples", "support-routing").toAbsolutePath().normalize();

    @TempDir
    static Path cache;

    private static List<Case> heldOut;

    @BeforeAll
    static void readHeldOutCases() {
        heldOut = new ArrayList<>();
        try (CaseReader reader = DatasetFiles.open(SUITE.resolve("data/cases.jsonl")).open()) {
            reader.forEachRemaining(heldOut::add);
        }
    }

    private static TargetSpec spec(Path suite, Path modelCache, String yaml) {
        String all = "model_cache: " + modelCache + "\n" + yaml;
        Options options = Options.of(YamlTree.parse("evalgate.yaml", all, Interpolator.of(Map.of())));
        return new TargetSpec("embeddings", EmbeddingsTargetKind.ID, options, suite);
    }

    private static TargetSpec spec(String extraOptions) {
        return spec(SUITE, cache, "train: data/train.jsonl\n" + extraOptions);
    }

    private static void report(String classifier, int right, Trained<EmbeddedSet> trained) {
        System.out.printf(Locale.ROOT, "baseline:embeddings %s accuracy on support-routing: %.3f (%d/%d),"
                + " training embeddings %s in %d ms%n", classifier, (double) right / heldOut.size(), right,
                heldOut.size(), trained.fromCache() ? "read from cache" : "computed",
                trained.trainingTime().toMillis());
    }

    @Test
    void the_default_logistic_classifier_routes_held_out_support_messages_mostly_right() {
        EmbeddingsTarget target = EmbeddingsTargetKind.build(spec(""));
        int right = 0;
        for (Case kase : heldOut) {
            if (target.call(new Request(kase, null, 0)).text().equals(kase.expected().primary())) {
                right++;
            }
        }
        report("logistic", right, target.trained());
        assertThat((double) right / heldOut.size()).isGreaterThan(0.6);
    }

    @Test
    void knn_and_centroid_classifiers_route_held_out_support_messages_mostly_right() {
        EmbeddingsTarget target = EmbeddingsTargetKind.build(spec(""));
        float[][] vectors = Embedder.shared().embedAll(heldOut.stream().map(Case::input).toList());
        for (ClassifierChoice choice : List.of(
                new ClassifierChoice(ClassifierChoice.Type.KNN, ClassifierChoice.DEFAULT_K, 0),
                new ClassifierChoice(ClassifierChoice.Type.CENTROID, 0, 0))) {
            Classifier classifier = Classifier.train(choice, target.trained().model());
            int right = 0;
            for (int i = 0; i < vectors.length; i++) {
                if (classifier.classify(vectors[i]).equals(heldOut.get(i).expected().primary())) {
                    right++;
                }
            }
            report(choice.describe(), right, target.trained());
            assertThat((double) right / heldOut.size()).as(choice.describe()).isGreaterThan(0.6);
        }
    }

    @Test
    void a_second_creation_loads_the_embeddings_from_the_cache_and_predicts_the_same(@TempDir Path suite)
            throws IOException {
        // A 40-case slice keeps the cold first creation cheap; it still holds several labels.
        Files.write(suite.resolve("train.jsonl"),
                Files.readAllLines(SUITE.resolve("data/train.jsonl")).subList(0, 40));
        TargetSpec spec = spec(suite, suite.resolve("models"), "train: train.jsonl\nclassifier: knn\nk: 3\n");

        EmbeddingsTarget first = EmbeddingsTargetKind.build(spec);
        EmbeddingsTarget second = EmbeddingsTargetKind.build(spec);

        assertThat(first.trained().fromCache()).isFalse();
        assertThat(second.trained().fromCache()).isTrue();
        assertThat(second.trained().sizeBytes()).isGreaterThan(40L * Embedder.DIMENSIONS * 4);
        for (Case kase : heldOut.subList(0, 10)) {
            assertThat(second.predict(kase.input())).isEqualTo(first.predict(kase.input()));
        }
    }

    @Test
    void an_unknown_classifier_is_a_config_error_listing_the_known_ones() {
        assertThatThrownBy(() -> EmbeddingsTargetKind.build(spec("classifier: svm\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("classifier 'svm'")
                .hasMessageContaining("knn, centroid, logistic");
    }

    @Test
    void the_kind_is_registered_as_a_local_target_kind() {
        assertThat(ServiceLoader.load(dev.evalgate.target.TargetKind.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(kind -> kind.id().equals("baseline:embeddings")))
                .singleElement()
                .satisfies(kind -> assertThat(kind.local()).isTrue());
    }
}
