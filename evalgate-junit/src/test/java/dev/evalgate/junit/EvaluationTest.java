package dev.evalgate.junit;

import dev.evalgate.compare.TargetRecord;
import dev.evalgate.error.ConfigException;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationTest {

    @Test
    void measures_the_pass_rate_of_a_lambda_wrong_on_a_tenth() {
        EvalResult result = Evaluation.suite("tenth").dataset(SampleCases.cases())
                .target("lambda", SampleCases.wrongEvery(10)).scorer("equals").concurrency(4).run();

        assertThat(result.passRate("lambda")).isEqualTo(0.9);
        assertThat(result.record().target("lambda")).map(t -> t.cases().size()).contains(SampleCases.SIZE);
        assertThat(result.p95Millis("lambda")).isFinite();
        assertThat(result.costPerRequest("lambda")).isNull();
    }

    @Test
    void writes_results_and_markdown_under_target_evalgate_when_target_exists() throws Exception {
        // surefire runs in the module folder, whose target/ exists
        Path dir = Path.of("target", "evalgate");
        Files.deleteIfExists(dir.resolve("written.json"));
        Files.deleteIfExists(dir.resolve("written.md"));

        EvalResult result = Evaluation.suite("written").dataset(SampleCases.cases())
                .target("lambda", SampleCases.wrongEvery(10)).run();

        assertThat(dir.resolve("written.json")).content().contains("\"evalgate.results\"", "\"c199\"");
        assertThat(dir.resolve("written.md")).content().isEqualTo(result.markdown());
    }

    @Test
    void keeps_each_target_apart_in_suite_order() {
        EvalResult result = Evaluation.suite("two").dataset(SampleCases.cases())
                .target("good", SampleCases.alwaysRight())
                .target("bad", SampleCases.wrongEvery(2)).run();

        assertThat(result.targets()).containsExactly("good", "bad");
        assertThat(result.record().targets()).extracting(TargetRecord::target).containsExactly("good", "bad");
        assertThat(result.passRate("good")).isEqualTo(1.0);
        assertThat(result.passRate("bad")).isEqualTo(0.5);
    }

    @Test
    void reads_scorer_options_as_a_suite_file_would() {
        EvalResult result = Evaluation.suite("options").dataset(SampleCases.cases())
                .target("shouting", input -> "  ANSWER " + input.substring("question ".length()))
                .scorer("equals", Map.of("normalize", List.of("trim", "lowercase"))).run();

        assertThat(result.passRate("shouting")).isEqualTo(1.0);
    }

    @Test
    void reads_a_dataset_from_the_test_class_path() {
        EvalResult result = Evaluation.suite("resource").datasetResource("dev/evalgate/junit/greetings.jsonl")
                .target("upper", String::toUpperCase).scorer("equals").run();

        assertThat(result.record().target("upper")).map(t -> t.cases().size()).contains(3);
        assertThat(result.passRate("upper")).isEqualTo(2.0 / 3);
    }

    @Test
    void names_the_folder_for_a_dataset_missing_from_the_class_path() {
        assertThatThrownBy(() -> Evaluation.suite("missing").datasetResource("no/such.jsonl"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("there is no 'no/such.jsonl' on the class path")
                .hasMessageContaining("src/test/resources/no/such.jsonl");
    }

    @Test
    void names_the_missing_dataset() {
        assertThatThrownBy(() -> Evaluation.suite("empty").target("t", s -> s).run())
                .isInstanceOf(ConfigException.class).hasMessageContaining(".dataset(");
    }

    @Test
    void names_the_known_targets_when_asked_for_another() {
        EvalResult result = Evaluation.suite("known").dataset(SampleCases.cases().subList(0, 5))
                .target("only", SampleCases.wrongEvery(10)).run();

        assertThatThrownBy(() -> result.passRate("other")).hasMessageContaining("[only]");
    }

    @Test
    void rejects_an_unknown_scorer_id() {
        assertThatThrownBy(() -> Evaluation.suite("bad-scorer").dataset(SampleCases.cases())
                .target("t", s -> s).scorer("no_such_scorer").run())
                .hasMessageContaining("no_such_scorer");
    }

    @Test
    void stores_a_builder_run_under_target_evalgate() {
        EvalResult result = Evaluation.suite("stored").dataset(SampleCases.cases())
                .target("lambda", SampleCases.wrongEvery(10)).run();

        assertThat(result.storedIn()).endsWith(Path.of("target", "evalgate", "evalgate.db").toString());
        try (Store store = Store.open(result.storedIn())) {
            assertThat(store.run(result.runId())).map(r -> r.info().suite()).contains("stored");
        }
    }
}
