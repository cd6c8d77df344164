package dev.evalgate.cli;

import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code evalgate label} in a child JVM, answered through its standard input as a person would type. */
class LabelCommandIT {

    @TempDir
    Path dir;

    @Test
    void labels_typed_on_stdin_are_written_and_a_second_session_resumes() throws Exception {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "r1", 20, i -> i % 4 != 0);
        Path labels = dir.resolve("labels/equals.jsonl");

        Child first = label(db, labels, "p\nf wrong tone\ns\nq\n");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("20 outputs to label (0 already in").contains("Labelled 2, skipped 1");
        List<Label> saved = LabelsFile.read(labels);
        assertThat(saved).hasSize(2).allMatch(l -> l.target().equals(StoredRuns.TARGET));
        assertThat(saved.get(1).note()).isEqualTo("wrong tone");

        Child second = label(db, labels, "p\n");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("18 outputs to label (2 already in").contains("Labelled 1, skipped 0");
        assertThat(LabelsFile.read(labels)).hasSize(3).extracting(Label::caseId).doesNotHaveDuplicates();
    }

    @Test
    void a_scorer_the_run_does_not_have_is_a_usage_error_naming_the_scorers_it_has() throws Exception {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "r1", 3, i -> true);
        Cli cli = Cli.run("label", "last", "--scorer", "tone", "--store", db.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("run last has no output judged by scorer 'tone'; its scorers are equals.");
    }

    private record Child(int exit, String out, String err) {
    }

    private static Child label(Path db, Path labels, String typed) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "label", "last", "--scorer", "equals", "--labels", labels.toString(),
                "--store", db.toString()));
        Process process = new ProcessBuilder(command).start();
        try (var in = process.getOutputStream()) {
            in.write(typed.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Child(process.exitValue(), out, err);
    }
}
