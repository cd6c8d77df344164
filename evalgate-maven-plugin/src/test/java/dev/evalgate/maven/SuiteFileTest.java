package dev.evalgate.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteFileTest {

    @TempDir
    Path dir;

    @Test
    void inline_yaml_loses_the_poms_indentation_but_keeps_its_own() throws Exception {
        // as Maven hands it over: the element's text trimmed, so only the first line is unindented
        String fromPom = """
                suite: s
                        dataset: /p/cases.jsonl
                        targets:
                          - { id: t, type: java, class: a.B }

                        gate:
                          absolute: { pass_rate: ">= 0.6" }\n      \
                """;

        Path file = SuiteFile.resolve(null, fromPom, dir.resolve("target/evalgate"));

        assertThat(file).isEqualTo(dir.resolve("target/evalgate/suite.yaml"));
        assertThat(Files.readString(file)).isEqualTo("""
                suite: s
                dataset: /p/cases.jsonl
                targets:
                  - { id: t, type: java, class: a.B }

                gate:
                  absolute: { pass_rate: ">= 0.6" }
                """);
    }

    @Test
    void a_suite_file_is_used_where_it_is() throws Exception {
        Path suite = Files.writeString(dir.resolve("evalgate.yaml"), "suite: s\n");

        assertThat(SuiteFile.resolve(suite.toFile(), null, dir.resolve("target/evalgate"))).isEqualTo(suite);
        assertThat(dir.resolve("target")).doesNotExist();
    }

    @Test
    void a_missing_suite_file_names_both_ways_to_configure_one() {
        assertThatThrownBy(() -> SuiteFile.resolve(dir.resolve("evalgate.yaml").toFile(), " ", dir))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no suite file at " + dir.resolve("evalgate.yaml"))
                .hasMessageContaining("Point <suite> at your evalgate.yaml")
                .hasMessageContaining("<suiteYaml>");
    }
}
