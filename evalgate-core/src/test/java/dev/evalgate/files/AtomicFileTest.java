package dev.evalgate.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {

    @TempDir
    Path dir;

    private Path report() throws IOException {
        Path file = dir.resolve("report.md");
        Files.writeString(file, "old content\n");
        return file;
    }

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void replaces_the_file_with_the_new_content_and_leaves_no_temporary_file() throws IOException {
        Path file = report();

        AtomicFile.writeString(file, "new content\n");

        assertThat(Files.readString(file)).isEqualTo("new content\n");
        assertThat(names()).containsExactly("report.md");
    }

    @Test
    void a_failure_mid_write_leaves_the_old_file_whole_and_no_temporary_file() throws IOException {
        Path file = report();

        assertThatThrownBy(() -> {
            try (AtomicFile partial = AtomicFile.open(file)) {
                try (Writer w = partial.writer()) {
                    w.write("half of the new con");
                    w.flush();
                    assertThat(Files.readString(file)).as("nothing visible before commit").isEqualTo("old content\n");
                    throw new IOException("disk full");
                }
            }
        }).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old content\n");
        assertThat(names()).containsExactly("report.md");
    }

    @Test
    void a_folder_in_the_way_is_an_error_and_stays_a_folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("report.html"));

        assertThatThrownBy(() -> AtomicFile.writeString(folder, "<html>")).isInstanceOf(IOException.class)
                .hasMessageContaining("is a folder");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void creates_the_folder_of_a_new_file() throws IOException {
        Path file = dir.resolve("a/b/report.html");

        AtomicFile.writeString(file, "<html>");

        assertThat(Files.readString(file)).isEqualTo("<html>");
    }

    @Test
    void the_next_write_removes_temporary_files_left_by_a_killed_process() throws IOException {
        Path file = report();
        long ended = endedPid();
        Files.writeString(dir.resolve(".report.md." + ended + "-1.partial"), "half");
        Files.writeString(dir.resolve(".report.md.partial"), "half, written by an earlier version");
        Path alive = dir.resolve(".report.md." + ProcessHandle.current().parent().orElseThrow().pid() + "-1.partial");
        Files.writeString(alive, "a live process is still writing this");
        Files.writeString(dir.resolve(".other.md." + ended + "-1.partial"), "another file's");

        AtomicFile.writeString(file, "new content\n");

        assertThat(names()).containsExactly(".other.md." + ended + "-1.partial", alive.getFileName().toString(),
                "report.md");
    }

    @Test
    void closing_without_commit_discards_the_new_content() throws IOException {
        Path file = report();

        try (AtomicFile partial = AtomicFile.open(file)) {
            partial.stream().write("new".getBytes());
        }

        assertThat(Files.readString(file)).isEqualTo("old content\n");
        assertThat(names()).containsExactly("report.md");
    }

    /** The id of a process that has exited (started and waited for here, so it cannot be alive). */
    private static long endedPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return p.pid();
    }
}
