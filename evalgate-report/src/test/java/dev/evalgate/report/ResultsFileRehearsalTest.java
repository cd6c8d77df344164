package dev.evalgate.report;

import dev.evalgate.run.ResultSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsFileRehearsalTest {

    @Test
    void a_results_files_rehearsal_writes_each_result_into_nothing_and_leaves_the_file_alone(@TempDir Path dir)
            throws Exception {
        Path target = dir.resolve("results.json");
        ResultsFile file = ResultsFile.start(target, Runs.info("demo", "a"));
        try (ResultSink rehearsal = file.rehearsal()) {
            for (int i = 0; i < 100; i++) {
                rehearsal.accept(Runs.result("a", "c" + i, "yes", Runs.pass("yes", 3)));
            }
        }
        file.accept(Runs.result("a", "kept", "yes", Runs.pass("yes", 3)));
        file.finish(Runs.run(Runs.info("demo", "a"), true, false, java.util.List.of()));

        String written = Files.readString(target);
        assertThat(written).contains("\"id\":\"kept\"").doesNotContain("\"id\":\"c0\"");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
