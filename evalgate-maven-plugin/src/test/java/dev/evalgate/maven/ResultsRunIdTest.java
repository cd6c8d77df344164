package dev.evalgate.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsRunIdTest {

    @TempDir
    Path dir;

    @Test
    void reads_the_run_id_from_the_head_of_a_results_file() throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, """
                {
                  "schema" : "evalgate.results",
                  "schema_version" : 1,
                  "run" : {
                    "run_id" : "20261124-001502-3fa9c1",
                    "suite" : "s"
                  },
                  "cases" : [ { "target": "t", "id": "c1", "run_id": "not-this-one" } ]
                }
                """);

        assertThat(ResultsRunId.read(file)).isEqualTo("20261124-001502-3fa9c1");
    }

    @Test
    void a_missing_file_says_the_run_to_check_is_unknown() {
        assertThatThrownBy(() -> ResultsRunId.read(dir.resolve("absent.json")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("evalgate run wrote no results file")
                .hasMessageContaining("so the run to check is unknown");
    }

    @Test
    void a_file_of_another_shape_is_refused() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"suite\": \"s\"}");

        assertThatThrownBy(() -> ResultsRunId.read(file)).hasMessageContaining("does not start with the run's \"run_id\"");
    }
}
