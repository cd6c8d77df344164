package dev.evalgate.baselines;

import dev.evalgate.baselines.tfidf.TfidfTargetKind;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.DatasetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCacheTest {

    @TempDir
    Path cache;

    private static final TrainingSet SET = TrainingSet.load(
            Options.of(YamlTree.parse("evalgate.yaml", "train: data/train.jsonl\n", Interpolator.of(Map.of()))),
            SupportRouting.SUITE);

    @Test
    void the_second_load_comes_from_the_cache_file_and_trains_nothing() {
        AtomicInteger trainings = new AtomicInteger();
        Trained<String> first = ModelCache.load("demo", SET, "s", cache, () -> "model-" + trainings.incrementAndGet());
        Trained<String> second = ModelCache.load("demo", SET, "s", cache, () -> "model-" + trainings.incrementAndGet());
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.model()).isEqualTo("model-1");
        assertThat(second.sizeBytes()).isEqualTo(first.sizeBytes()).isPositive();
        assertThat(trainings).hasValue(1);
    }

    @Test
    void the_file_is_named_by_kind_and_a_key_over_data_and_settings() throws IOException {
        ModelCache.load("demo", SET, "a", cache, () -> "x");
        ModelCache.load("demo", SET, "b", cache, () -> "y");
        try (Stream<Path> files = Files.list(cache.resolve(ModelCache.DEFAULT_FOLDER))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .hasSize(2).allMatch(name -> name.matches("demo-[0-9a-f]{16}\\.bin"));
        }
    }

    @Test
    void a_corrupt_cache_file_is_trained_again() throws IOException {
        Path file = ModelCache.file(cache.resolve(ModelCache.DEFAULT_FOLDER), "demo", SET, "s");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a model");
        Trained<String> trained = ModelCache.load("demo", SET, "s", cache, () -> "fresh");
        assertThat(trained.fromCache()).isFalse();
        assertThat(trained.model()).isEqualTo("fresh");
        assertThat(ModelCache.load("demo", SET, "s", cache, () -> "again").model()).isEqualTo("fresh");
    }

    @Test
    void a_cached_tfidf_target_predicts_exactly_like_the_trained_one() throws Exception {
        BaselineTarget trained = new TfidfTargetKind().create(SupportRouting.spec("baseline:tfidf", "", cache));
        BaselineTarget cached = new TfidfTargetKind().create(SupportRouting.spec("baseline:tfidf", "", cache));
        List<String> fromTrained = new ArrayList<>();
        List<String> fromCached = new ArrayList<>();
        try (CaseReader reader = DatasetFiles.open(SupportRouting.SUITE.resolve("data/cases.jsonl")).open()) {
            while (reader.hasNext()) {
                Case kase = reader.next();
                fromTrained.add(trained.predict(kase.input()));
                fromCached.add(cached.predict(kase.input()));
            }
        }
        assertThat(fromCached).isEqualTo(fromTrained);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.toList()).singleElement().matches(p -> p.getFileName().toString().startsWith("tfidf-"));
        }
    }
}
