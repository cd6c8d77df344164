package dev.evalgate.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GitInfo against real repositories made with the git executable. */
class GitInfoIT {

    @TempDir
    Path dir;

    @Test
    void outside_a_repository_nothing_is_known() {
        assertThat(GitInfo.detect(dir)).isEqualTo(GitInfo.unknown());
    }

    @Test
    void reads_commit_branch_and_a_clean_tree() throws Exception {
        git("init", "-q", "-b", "trunk");
        Files.writeString(dir.resolve("suite.yaml"), "suite: x\n");
        git("add", "suite.yaml");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        Files.writeString(dir.resolve("untracked.db"), "not part of the commit");

        GitInfo info = GitInfo.detect(dir);

        assertThat(info.commit()).matches("[0-9a-f]{40}").isEqualTo(git("rev-parse", "HEAD"));
        assertThat(info.branch()).isEqualTo("trunk");
        assertThat(info.dirty()).as("untracked files do not make the tree dirty").isFalse();
    }

    @Test
    void a_changed_tracked_file_makes_the_tree_dirty() throws Exception {
        git("init", "-q", "-b", "trunk");
        Files.writeString(dir.resolve("suite.yaml"), "suite: x\n");
        git("add", "suite.yaml");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        Files.writeString(dir.resolve("suite.yaml"), "suite: y\n");

        assertThat(GitInfo.detect(dir).dirty()).isTrue();
    }

    @Test
    void a_repository_without_commits_has_a_branch_but_no_commit() throws Exception {
        git("init", "-q", "-b", "trunk");

        GitInfo info = GitInfo.detect(dir);

        assertThat(info.commit()).isNull();
        assertThat(info.branch()).isEqualTo("trunk");
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as("git %s: %s", args, out).isZero();
        return out;
    }
}
