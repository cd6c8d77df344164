package dev.evalgate.server;

import dev.evalgate.run.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the labelling page writes a run's labels, and the one-line reason when it cannot. */
class LabelsLocationTest {

    @TempDir
    Path dir;

    @Test
    void labels_go_beside_the_suite_file_as_evalgate_label_writes_them() {
        LabelsLocation at = LabelsLocation.of(run(dir.resolve("evalgate.yaml").toString()), "judge", null);

        assertThat(at.file()).isEqualTo(dir.resolve("labels").resolve("judge.jsonl"));
        assertThat(at.canWrite()).isTrue();
    }

    @Test
    void a_labels_dir_takes_the_place_of_the_suite_folder() {
        LabelsLocation at = LabelsLocation.of(run(null), "strict-judge", dir);

        assertThat(at.file()).isEqualTo(dir.resolve("strict-judge.jsonl"));
        assertThat(at.canWrite()).isTrue();
    }

    @Test
    void a_suite_folder_missing_on_this_machine_is_named_with_the_fix() {
        Path elsewhere = dir.resolve("not-here").resolve("evalgate.yaml");

        LabelsLocation at = LabelsLocation.of(run(elsewhere.toString()), "judge", null);

        assertThat(at.canWrite()).isFalse();
        assertThat(at.problem()).contains(dir.resolve("not-here").toString(), "does not exist", "--labels-dir");
    }

    @Test
    void a_file_where_the_labels_folder_goes_is_named_with_the_fix() throws IOException {
        Files.writeString(dir.resolve("labels"), "not a folder");

        LabelsLocation at = LabelsLocation.of(run(dir.resolve("evalgate.yaml").toString()), "judge", null);

        assertThat(at.problem()).contains("is a file, not a folder", "--labels-dir");
    }

    @Test
    void a_scorer_id_that_would_leave_the_folder_is_refused() {
        for (String scorer : List.of("../judge", "a/b", "..", "judge\u0000x", ".hidden")) {
            assertThatThrownBy(() -> LabelsLocation.of(run(dir.resolve("evalgate.yaml").toString()), scorer, null))
                    .as(scorer).isInstanceOf(ApiError.class).hasMessageContaining("is not a scorer id");
        }
    }

    @Test
    void only_the_dashboards_own_address_is_the_same_origin() {
        assertThat(WriteGuard.sameOrigin("http://127.0.0.1:7070", "127.0.0.1:7070")).isTrue();
        assertThat(WriteGuard.sameOrigin("http://LOCALHOST:7070", "localhost:7070")).isTrue();
        assertThat(WriteGuard.sameOrigin("http://127.0.0.1:3000", "127.0.0.1:7070")).isFalse();
        assertThat(WriteGuard.sameOrigin("http://evil.example", "127.0.0.1:7070")).isFalse();
        assertThat(WriteGuard.sameOrigin("null", "127.0.0.1:7070")).isFalse();
        assertThat(WriteGuard.sameOrigin("http://127.0.0.1:7070", null)).isFalse();
    }

    private static RunInfo run(String suiteFile) {
        return new RunInfo("r1", "s", suiteFile, "cases.jsonl", "", List.of(), List.of("judge"), List.of(), 1, 1, "all",
                "p", "v");
    }
}
