package dev.evalgate.suite;

import dev.evalgate.config.Interpolator;
import dev.evalgate.score.Scorers;
import dev.evalgate.target.TargetKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The response cache is keyed on a target's real settings, so a changed environment value misses it. */
class TargetCacheIdentityTest {

    @TempDir
    Path dir;

    private TargetConfig load(Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"a\",\"input\":\"hi\",\"expected\":\"yes\"}\n");
        Path file = dir.resolve("evalgate.yaml");
        Files.writeString(file, """
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed, model: "${M}", answer: "${U}", api_key: "${K}" } ]
                scorers: [ equals ]
                """);
        SuiteLoader loader = new SuiteLoader(Interpolator.of(env), TargetKinds.of(List.of(SuiteLoaderTest.FIXED)),
                Scorers.builtIn());
        try (Suite suite = loader.load(file)) {
            return suite.targets().getFirst();
        }
    }

    private static Map<String, String> env(String model, String url, String key) {
        return Map.of("M", model, "U", url, "K", key);
    }

    @Test
    void the_same_settings_give_the_same_identity() throws IOException {
        TargetConfig first = load(env("model-one", "http://127.0.0.1:1/v1", "sk-key-one"));
        TargetConfig again = load(env("model-one", "http://127.0.0.1:1/v1", "sk-key-one"));

        assertThat(again.cacheIdentity()).isEqualTo(first.cacheIdentity());
    }

    @Test
    void a_changed_environment_value_changes_the_identity_though_the_masked_spec_is_the_same() throws IOException {
        TargetConfig first = load(env("model-one", "http://127.0.0.1:1/v1", "sk-key-one"));
        TargetConfig otherModel = load(env("model-two", "http://127.0.0.1:1/v1", "sk-key-one"));
        TargetConfig otherUrl = load(env("model-one", "http://127.0.0.1:2/v1", "sk-key-one"));
        TargetConfig otherKey = load(env("model-one", "http://127.0.0.1:1/v1", "sk-key-two"));

        assertThat(otherModel.spec()).isEqualTo(first.spec());
        assertThat(List.of(otherModel.cacheIdentity(), otherUrl.cacheIdentity(), otherKey.cacheIdentity()))
                .doesNotContain(first.cacheIdentity()).doesNotHaveDuplicates();
    }

    @Test
    void the_identity_is_a_hash_that_holds_no_real_value() throws IOException {
        TargetConfig target = load(env("model-one", "http://127.0.0.1:1/v1", "sk-key-one"));

        assertThat(target.cacheIdentity()).startsWith("sha256:").doesNotContain("sk-key-one")
                .doesNotContain("model-one");
        assertThat(target.secrets().mask("sk-key-one and model-one")).isEqualTo("*** and ***");
    }
}
