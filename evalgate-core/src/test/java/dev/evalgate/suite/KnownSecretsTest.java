package dev.evalgate.suite;

import dev.evalgate.config.Interpolator;
import dev.evalgate.config.KnownSecrets;
import dev.evalgate.score.Scorers;
import dev.evalgate.target.TargetKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A loaded suite's secrets stay masked in a message raised after it is closed, such as the CLI's last error. */
class KnownSecretsTest {

    @TempDir
    Path dir;

    @Test
    void a_loaded_suite_s_credentials_and_environment_values_are_masked_in_any_later_message() throws Exception {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"a\",\"input\":\"hi\",\"expected\":\"yes\"}\n");
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: demo
                dataset: cases.jsonl
                targets: [ { id: a, type: fixed, api_key: tok-known-123, answer: "${ANSWER}" } ]
                scorers: [ equals ]
                """);

        new SuiteLoader(Interpolator.of(Map.of("ANSWER", "env-known-456")), TargetKinds.of(List.of(SuiteLoaderTest.FIXED)),
                Scorers.builtIn()).load(suite).close();

        assertThat(KnownSecrets.mask("the server said tok-known-123 and env-known-456, cut at tok-kn…"))
                .isEqualTo("the server said *** and ***, cut at ***…");
    }
}
