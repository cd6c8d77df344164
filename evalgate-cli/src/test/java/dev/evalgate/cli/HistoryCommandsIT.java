package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryCommandsIT {

    @TempDir
    Path dir;

    @Test
    void runs_lists_the_stored_runs_newest_first() {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "run-1-base", 20, i -> i % 4 != 0);
        StoredRuns.write(db, "run-2-head", 20, i -> i % 5 != 0);

        Cli cli = Cli.run("runs", "--store", db.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("run", "suite", "status", "started", "targets", "git")
                .contains(StoredRuns.SUITE).contains("complete").contains(StoredRuns.TARGET);
        assertThat(cli.out().indexOf("run-2-head")).isPositive().isLessThan(cli.out().indexOf("run-1-base"));
    }

    @Test
    void runs_filters_by_suite() {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "run-1", 5, i -> true);

        Cli cli = Cli.run("runs", "--store", db.toString(), "--suite", "other");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("No runs match in").doesNotContain("run-1");
    }

    @Test
    void show_last_prints_the_summary_table_and_the_first_failures() {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "run-1-base", 20, i -> true);
        StoredRuns.write(db, "run-2-head", 20, i -> i % 4 != 0);

        Cli cli = Cli.run("show", "last", "--store", db.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Run run-2-head: suite history, complete")
                .contains("target   pass rate       95% CI         p50")
                .containsPattern("bot\\s+75\\.0% \\(15/20\\)\\s+\\[53\\.1, 88\\.8\\]")
                .contains("$0.001000")
                .contains("First failures of bot (5 failed, 0 errored):")
                .contains("c000  expected \"yes\" but got \"no\"")
                .doesNotContain("c001  expected");
    }

    @Test
    void an_unknown_run_exits_2_and_says_how_to_list_runs() {
        Path db = dir.resolve("store.db");
        StoredRuns.write(db, "run-1", 5, i -> true);

        Cli cli = Cli.run("show", "nope", "--store", db.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("no run 'nope' in store ").contains("; list runs with: evalgate runs");
    }

    @Test
    void a_missing_store_exits_2_and_says_to_run_first() {
        Path db = dir.resolve("absent.db");

        Cli cli = Cli.run("runs", "--store", db.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("no store at " + db + "; run 'evalgate run' first or pass --store");
        assertThat(db).doesNotExist();
    }
}
