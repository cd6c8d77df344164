package dev.evalgate.targets.command;

import dev.evalgate.error.ConfigException;
import dev.evalgate.targets.TestSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTargetKindTest {

    @TempDir
    Path suiteDir;

    private final CommandTargetKind kind = new CommandTargetKind();

    @Test
    void rejects_a_command_written_as_one_text_and_shows_the_list_form() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "command: python3 worker.py --fast\n", suiteDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("suite.yaml:1: key 'command' must be a list")
                .hasMessageContaining("command: [python3, worker.py, --fast]")
                .hasMessageContaining("never run through a shell");
    }

    @Test
    void rejects_a_program_that_is_not_on_the_path() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "command: [no-such-program-xyz, w.py]\n", suiteDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("names program 'no-such-program-xyz', which is not on the PATH");
    }

    @Test
    void rejects_a_program_path_that_does_not_exist_relative_to_cwd() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "command: [./bin/worker]\n", suiteDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("names program './bin/worker', but " + suiteDir.resolve("bin/worker"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejects_a_cwd_that_is_not_a_folder() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "command: [java]\ncwd: nowhere\n", suiteDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'cwd' names folder 'nowhere'");
    }

    @Test
    void requires_a_command() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "workers: 2\n", suiteDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'command' is required");
    }

    @Test
    void a_worker_is_not_cached_unless_the_suite_says_it_may_be() {
        try (var uncached = TestSpecs.create(kind, "command: [java]\n", suiteDir);
             var cached = TestSpecs.create(kind, "command: [java]\ncache: true\n", suiteDir)) {
            assertThat(uncached.cacheable()).isFalse();
            assertThat(cached.cacheable()).isTrue();
        }
    }
}
