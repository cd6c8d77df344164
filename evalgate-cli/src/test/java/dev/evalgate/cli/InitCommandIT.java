package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandIT {

    @TempDir
    Path dir;

    @Test
    void init_scaffolds_a_suite_that_runs_offline_as_is() {
        Path suite = dir.resolve("starter");
        Cli init = Cli.run("init", suite.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(suite.resolve("evalgate.yaml")).exists();
        assertThat(suite.resolve("cases.jsonl")).exists();

        Cli run = Cli.run("run", suite.resolve("evalgate.yaml").toString(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Suite review-sentiment: 12 cases").contains("word-lists");
    }

    @Test
    void init_refuses_to_overwrite_an_existing_suite() {
        Cli.run("init", dir.toString());

        Cli again = Cli.run("init", dir.toString());

        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("already exists; init writes only new files.");
    }
}
