package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command worker is the team's own code: a changed script is called again, not replayed from the cache, and
 * {@code --no-cache} refreshes the answers a cached run reads.
 */
class CommandWorkerCacheIT {

    @TempDir
    Path dir;

    /** A worker in sh that answers {@code answer} to every request line. */
    private void worker(String answer) throws IOException {
        Files.writeString(dir.resolve("worker.sh"), """
                while IFS= read -r line; do
                  echo '{"output": "%s"}'
                done
                """.formatted(answer));
    }

    private Path suite(String targetOptions) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), """
                {"id": "a", "input": "one", "expected": "yes"}
                {"id": "b", "input": "two", "expected": "yes"}
                {"id": "c", "input": "three", "expected": "yes"}
                """);
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: worker-cache
                dataset: cases.jsonl
                targets:
                  - { id: rules, type: command, command: [sh, worker.sh]%s }
                scorers: [ equals ]
                run: { retries: 0 }
                """.formatted(targetOptions));
        return suite;
    }

    @Test
    void an_edited_worker_script_is_called_again_instead_of_answered_from_the_cache() throws IOException {
        Path suite = suite("");
        worker("yes");
        Cli first = Cli.run("run", suite.toString(), "--quiet");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("100.0% (3/3)");

        worker("no");
        Cli second = Cli.run("run", suite.toString(), "--quiet");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0.0% (0/3)").doesNotContain("answered from the response cache");
    }

    @Test
    void no_cache_calls_live_and_refreshes_what_the_next_cached_run_reads() throws IOException {
        Path suite = suite(", cache: true");
        worker("yes");
        Cli first = Cli.run("run", suite.toString(), "--quiet");
        assertThat(first.out()).as(first.err()).contains("100.0% (3/3)");

        worker("no");
        Cli cached = Cli.run("run", suite.toString(), "--quiet");
        assertThat(cached.out()).as("a worker that opts in is cached").contains("100.0% (3/3)")
                .contains("3 of 3 calls answered from the response cache");

        Cli live = Cli.run("run", suite.toString(), "--quiet", "--no-cache");
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(live.out()).contains("0.0% (0/3)").doesNotContain("answered from the response cache");

        worker("yes");
        Cli refreshed = Cli.run("run", suite.toString(), "--quiet");
        assertThat(refreshed.out()).as("the cached run reads the answers --no-cache stored")
                .contains("0.0% (0/3)").contains("3 of 3 calls answered from the response cache");
    }
}
