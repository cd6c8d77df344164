package dev.evalgate.suite;

import dev.evalgate.config.Interpolator;
import dev.evalgate.error.ConfigException;
import dev.evalgate.score.Scorers;
import dev.evalgate.target.Reply;
import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetKinds;
import dev.evalgate.target.TargetSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteLoaderTest {

    /** A target kind for tests: answers with a fixed text; reads one option so unknown keys can be checked. */
    static final TargetKind FIXED = new TargetKind() {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public dev.evalgate.target.Target create(TargetSpec spec) {
            String answer = spec.options().string("answer", "yes");
            spec.options().string("api_key");
            return request -> Reply.of(answer);
        }
    };

    /** A local kind, like the baselines: it reads the {@code train} option it is given. */
    static final TargetKind LOCAL = new TargetKind() {
        @Override
        public String id() {
            return "local";
        }

        @Override
        public boolean local() {
            return true;
        }

        @Override
        public dev.evalgate.target.Target create(TargetSpec spec) {
            String train = spec.options().requiredString("train", "a training file");
            return request -> Reply.of(train);
        }
    };

    @TempDir
    Path dir;

    SuiteLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"a\",\"input\":\"hi\",\"expected\":\"yes\"}\n");
        loader = new SuiteLoader(Interpolator.of(Map.of("KEY", "sk-secret-123")), TargetKinds.of(List.of(FIXED, LOCAL)),
                Scorers.builtIn());
    }

    private Suite load(String yaml) throws IOException {
        Path file = dir.resolve("evalgate.yaml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    private String failure(String yaml) {
        Path file = dir.resolve("evalgate.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .actual().getMessage().replace(file.toString(), "evalgate.yaml");
    }

    @Test
    void creates_only_the_targets_asked_for_so_a_left_out_baseline_is_not_built() throws IOException {
        String yaml = """
                suite: demo
                dataset: cases.jsonl
                targets:
                  - { id: a, type: fixed }
                  - { id: b, type: local }
                scorers: [ equals ]
                """;
        // b cannot be built: it has no training file, so creating it fails
        assertThat(failure(yaml)).contains("train");

        Path file = dir.resolve("evalgate.yaml");
        try (Suite suite = loader.load(file, Set.of("a"))) {
            assertThat(suite.targets()).extracting(TargetConfig::id).containsExactly("a");
        }
    }

    @Test
    void loads_a_complete_suite_with_defaults_and_overrides() throws IOException {
        Suite suite = load("""
                suite: demo
                dataset: cases.jsonl
                prompt: { system: "Be brief.", user: "Q: {{input}}" }
                targets:
                  - { id: a, type: fixed, answer: "yes", concurrency: 3, timeout: 250ms, retries: 0 }
                  - { id: b, type: fixed, prompt: "Other: {{input}}", per_request: 0.001 }
                scorers: [ equals ]
                slices: [channel]
                run: { concurrency: 8, repeat: 2, seed: 7 }
                """);
        assertThat(suite.name()).isEqualTo("demo");
        assertThat(suite.targets()).extracting(TargetConfig::id).containsExactly("a", "b");
        TargetConfig a = suite.targets().get(0);
        assertThat(a.policy().concurrency()).isEqualTo(3);
        assertThat(a.policy().timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(a.policy().retries()).isZero();
        assertThat(a.prompt().userSource()).isEqualTo("Q: {{input}}");
        assertThat(suite.targets().get(1).prompt().userSource()).isEqualTo("Other: {{input}}");
        assertThat(suite.targets().get(1).policy().concurrency()).isEqualTo(8);
        assertThat(suite.targets().get(1).price().known()).isTrue();
        assertThat(a.price().known()).isFalse();
        assertThat(suite.run().repeat()).isEqualTo(2);
        assertThat(suite.run().warmHarness()).isTrue();
        assertThat(suite.slices()).containsExactly("channel");
    }

    @Test
    void the_harness_warm_up_can_be_switched_off() throws IOException {
        Suite suite = load("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed, answer: "yes" } ]
                scorers: [ equals ]
                run: { warm_harness: false, warmup: 3 }
                """);
        assertThat(suite.run().warmHarness()).isFalse();
        assertThat(suite.run().warmup()).isEqualTo(3);
    }

    @Test
    void a_misspelt_top_level_key_names_file_line_key_and_the_nearest_valid_key() {
        String message = failure("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed } ]
                scorers: [ equals ]
                slises: [channel]
                """);
        assertThat(message).isEqualTo("evalgate.yaml:5: unknown key 'slises'. Did you mean 'slices'? Valid keys here: "
                + "suite, description, dataset, vars, prompt, scorers, slices, run, judges, gate, store, train, tools, "
                + "agent, targets.");
    }

    @Test
    void a_misspelt_run_option_names_its_full_path() {
        String message = failure("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed } ]
                scorers: [ equals ]
                run:
                  concurency: 4
                """);
        assertThat(message).startsWith("evalgate.yaml:6: unknown key 'run.concurency'. Did you mean 'concurrency'?");
    }

    @Test
    void a_misspelt_target_option_is_reported_with_a_suggestion() {
        String message = failure("""
                suite: demo
                dataset: cases.jsonl
                targets:
                  - id: a
                    type: fixed
                    anwser: "no"
                scorers: [ equals ]
                """);
        assertThat(message).startsWith("evalgate.yaml:6: unknown key 'targets[0].anwser'. Did you mean 'answer'?");
    }

    @Test
    void an_unknown_target_type_suggests_the_nearest_kind() {
        String message = failure("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixd } ]
                scorers: [ equals ]
                """);
        assertThat(message).isEqualTo("evalgate.yaml:3: key 'targets[0].type' names target type 'fixd', which is not"
                + " known. Did you mean 'fixed'? Known types: fixed, local.");
    }

    @Test
    void a_missing_dataset_file_says_where_paths_are_relative_to() {
        String message = failure("""
                suite: demo
                dataset: nowhere.jsonl
                targets: [ { id: a, type: fixed } ]
                scorers: [ equals ]
                """);
        assertThat(message).startsWith("evalgate.yaml:2: key 'dataset' names 'nowhere.jsonl', but ")
                .endsWith(" does not exist. Paths are relative to the suite file's folder.");
    }

    @Test
    void a_repeated_target_id_is_rejected() {
        String message = failure("""
                suite: demo
                dataset: cases.jsonl
                targets:
                  - { id: a, type: fixed }
                  - { id: a, type: fixed }
                scorers: [ equals ]
                """);
        assertThat(message).isEqualTo("evalgate.yaml:5: key 'targets[1]' repeats target id 'a' (first used on line 4);"
                + " give each target its own id");
    }

    @Test
    void a_wrongly_typed_value_names_what_is_accepted() {
        String message = failure("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed } ]
                scorers: [ equals ]
                run: { repeat: twice }
                """);
        assertThat(message).isEqualTo("evalgate.yaml:5: key 'run.repeat' must be a whole number, but is 'twice'");
    }

    @Test
    void a_missing_environment_variable_says_how_to_set_it() {
        String message = failure("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed, api_key: "${MISSING_KEY}" } ]
                scorers: [ equals ]
                """);
        assertThat(message).isEqualTo("evalgate.yaml:3: key 'targets[0].api_key' uses ${MISSING_KEY}, but the"
                + " environment variable MISSING_KEY is not set. Set it (export MISSING_KEY=...), or give a default:"
                + " ${MISSING_KEY:-value}");
    }

    @Test
    void secrets_never_reach_the_snapshot_or_the_target_spec() throws IOException {
        Suite suite = load("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed, api_key: "${KEY}", answer: "${NOT_SET:-yes}" } ]
                scorers: [ equals ]
                """);
        assertThat(suite.snapshot()).doesNotContain("sk-secret-123").contains("***");
        assertThat(suite.targets().getFirst().spec()).doesNotContain("sk-secret-123");
    }

    @Test
    void invalid_yaml_names_the_line() {
        String message = failure("""
                suite: demo
                dataset: [cases.jsonl
                """);
        assertThat(message).startsWith("evalgate.yaml:").contains("not valid YAML");
    }

    @Test
    void the_suite_training_set_goes_to_local_targets_without_their_own_and_prices_them_as_local() throws Exception {
        Suite suite = load("""
                suite: demo
                dataset: cases.jsonl
                train: data/train.jsonl
                targets:
                  - { id: a, type: local }
                  - { id: b, type: local, train: other.jsonl }
                  - { id: c, type: fixed }
                scorers: [ equals ]
                """);

        var request = new dev.evalgate.target.Request(dev.evalgate.dataset.Case.of("x", "hi", null), null, 0);
        assertThat(suite.targets().get(0).target().call(request).text()).isEqualTo("data/train.jsonl");
        assertThat(suite.targets().get(1).target().call(request).text()).isEqualTo("other.jsonl");
        assertThat(suite.targets().get(0).price().origin()).isEqualTo("local");
        assertThat(suite.targets().get(2).price().known()).isFalse();
    }

    @Test
    void a_bad_gate_fails_the_load_with_its_line_before_any_target_is_created() throws IOException {
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        TargetKind counting = new TargetKind() {
            @Override
            public String id() {
                return "counting";
            }

            @Override
            public dev.evalgate.target.Target create(TargetSpec spec) {
                created.incrementAndGet();
                return request -> Reply.of("yes");
            }
        };
        SuiteLoader countingLoader = new SuiteLoader(Interpolator.of(Map.of()), TargetKinds.of(List.of(counting)),
                Scorers.builtIn());
        Path file = dir.resolve("evalgate.yaml");
        Map<String, String> gates = Map.of(
                "absolute: { pass_rat: \">= 0.5\" }", "unknown key 'gate.absolute.pass_rat'. Did you mean 'pass_rate'?",
                "absolute: { pass_rate: \">== 0.5\" }", "key 'gate.absolute.pass_rate' must be a limit such as",
                "absolute: { pass_rate: \">= 1.5\" }", "is a rate between 0 and 1",
                "baseline: { pass_rate: { margin: \"ten percent\" } }", "must be a margin such as 0.05",
                "inconclusive: maybe", "key 'gate.inconclusive' must be 'fail' or 'warn', but is 'maybe'",
                "targets: [b]\n  absolute: { pass_rate: \">= 0.5\" }", "names no target of the suite: 'b'. Did you mean 'a'?");
        gates.forEach((gate, expected) -> {
            try {
                Files.writeString(file, """
                        suite: demo
                        dataset: cases.jsonl
                        targets: [ { id: a, type: counting } ]
                        scorers: [ equals ]
                        """ + "gate:\n  " + gate + "\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThatThrownBy(() -> countingLoader.load(file)).as(gate).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(file + ":").hasMessageContaining(expected);
        });
        assertThat(created).hasValue(0);
    }

    @Test
    void gate_targets_are_checked_against_every_target_in_the_file_even_those_not_loaded() throws IOException {
        String yaml = """
                suite: demo
                dataset: cases.jsonl
                targets:
                  - { id: a, type: fixed }
                  - { id: b, type: fixed }
                  - { id: hosted, type: fixed, requires_env: [SURELY_UNSET_VAR] }
                scorers: [ equals ]
                gate:
                  absolute: { pass_rate: ">= 0.5" }
                  targets: [b, hosted]
                """;
        Path file = dir.resolve("evalgate.yaml");
        Files.writeString(file, yaml);

        try (Suite suite = loader.load(file, Set.of("a"))) {
            assertThat(suite.targets()).extracting(TargetConfig::id).containsExactly("a");
            assertThat(suite.gate().targets()).containsExactly("b", "hosted");
            assertThat(suite.gate().budgets()).hasSize(1);
        }
        Files.writeString(file, yaml.replace("targets: [b, hosted]", "targets: [c]"));
        assertThatThrownBy(() -> loader.load(file, Set.of("a"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'gate.targets[0]' names no target of the suite: 'c'.");
    }

    @Test
    void a_suite_without_a_gate_has_the_empty_gate() throws IOException {
        try (Suite suite = load("""
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed } ]
                scorers: [ equals ]
                """)) {
            assertThat(suite.gate().isEmpty()).isTrue();
        }
    }
}
