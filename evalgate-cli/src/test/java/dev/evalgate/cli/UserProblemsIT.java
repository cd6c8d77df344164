package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems the user fixes in a file or a setting end with exit 2 and one line naming the place and the fix. */
class UserProblemsIT {

    @TempDir
    Path dir;

    private static void assertOneLineConfigError(Cli cli, String start) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err().strip().lines()).as(cli.err()).hasSize(1).first().asString().startsWith("error: " + start);
        assertThat(cli.err()).doesNotContain("Flyway", "Exception", "\tat ");
    }

    @Test
    void a_store_that_is_a_folder_a_foreign_file_or_below_a_file_exits_2_in_one_line() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.db"));
        Path foreign = Files.writeString(dir.resolve("foreign.db"), "name,value\n".repeat(500));
        Path plain = Files.writeString(dir.resolve("plain"), "x");

        assertOneLineConfigError(Cli.run("runs", "--store", folder.toString()), "store " + folder + ": is a folder");
        assertOneLineConfigError(Cli.run("runs", "--store", foreign.toString()),
                "store " + foreign + ": is not a SQLite database");
        Files.writeString(dir.resolve("cases.jsonl"), "{\"input\": \"hi\", \"expected\": \"x\"}\n");
        Path suite = Files.writeString(dir.resolve("evalgate.yaml"), """
                suite: s
                dataset: cases.jsonl
                store: plain/x.db
                targets:
                  - { id: h, type: http, url: "http://127.0.0.1:9/x", output: "$.label" }
                scorers: [ equals ]
                """);
        assertOneLineConfigError(Cli.run("run", suite.toString()),
                "store " + plain.resolve("x.db") + ": " + plain + " is a file");
    }

    @Test
    void a_truncated_store_exits_2_in_one_line() throws Exception {
        Path db = dir.resolve(".evalgate/evalgate.db");
        StoredRuns.write(db, "run-1", 400, i -> true);
        byte[] bytes = Files.readAllBytes(db);
        Files.write(db, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        Cli cli = Cli.run("runs", "--store", db.toString());

        assertOneLineConfigError(cli, "store ");
        assertThat(cli.err()).contains(db + ": the SQLite file is truncated or damaged. Restore it from a backup");
    }

    @Test
    void an_unreachable_postgres_store_exits_2_in_one_line() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertOneLineConfigError(Cli.run("runs", "--store", "jdbc:postgresql://127.0.0.1:" + port + "/evalgate"),
                "store jdbc:postgresql://127.0.0.1:" + port + "/evalgate: cannot connect");
    }

    @Test
    void a_recursive_yaml_alias_exits_2_in_one_line_naming_the_file() throws Exception {
        Path suite = Files.writeString(dir.resolve("evalgate.yaml"), "suite: s\ndataset: cases.jsonl\na: &x [*x]\n");

        assertOneLineConfigError(Cli.run("run", suite.toString()), suite + ":3: 'a[0]' is an alias");
    }
}
