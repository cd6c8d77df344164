package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code evalgate serve}: the safety rule on the command line, and a dashboard over the store it names. */
class ServeCommandIT {

    @TempDir
    Path dir;

    @Test
    void refuses_another_interface_without_a_token_in_one_line_with_exit_2() {
        Cli cli = Cli.run("serve", "--host", "0.0.0.0", "--store", dir.resolve("evalgate.db").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n")
                .isEqualTo("error: --host 0.0.0.0 lets other machines reach the dashboard, which needs a token "
                        + "then; pass --token <secret> or set EVALGATE_TOKEN, or keep the default --host 127.0.0.1");
    }

    @Test
    void refuses_a_store_that_does_not_exist() {
        Cli cli = Cli.run("serve", "--port", "0", "--store", dir.resolve("missing.db").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("no store at", "missing.db");
    }

    @Test
    void refuses_a_labels_dir_that_is_not_a_folder_in_one_line_with_exit_2() {
        Path missing = dir.resolve("no-such-folder");
        Cli cli = Cli.run("serve", "--port", "0", "--labels-dir", missing.toString(), "--store",
                dir.resolve("evalgate.db").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").isEqualTo("error: --labels-dir " + missing + " is not a "
                + "folder; create it, or leave the option out to keep labels beside each run's suite file");
    }

    @Test
    @Timeout(60)
    void serves_the_stores_runs_on_loopback_until_interrupted() throws Exception {
        Path db = dir.resolve("evalgate.db");
        StoredRuns.write(db, "run-1", 10, i -> i % 2 == 0);
        PipedInputStream printed = new PipedInputStream();
        PrintWriter out = new PrintWriter(new PipedOutputStream(printed), true);
        AtomicInteger exit = new AtomicInteger(-1);
        StringWriter err = new StringWriter();
        Thread serve = Thread.ofPlatform().start(() -> exit.set(Main.execute(
                new String[] {"serve", "--port", "0", "--store", db.toString()}, out, new PrintWriter(err, true))));

        String first = new BufferedReader(new InputStreamReader(printed, StandardCharsets.UTF_8)).readLine();
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/").matcher(first);
        assertThat(url.find()).as(first).isTrue();
        HttpResponse<String> suites = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url.group() + "api/suites")).build(),
                HttpResponse.BodyHandlers.ofString());
        serve.interrupt();
        serve.join();

        assertThat(suites.statusCode()).isEqualTo(200);
        assertThat(suites.body()).contains("\"name\":\"" + StoredRuns.SUITE + "\"", "\"lastRunId\":\"run-1\"");
        assertThat(exit.get()).as(err.toString()).isEqualTo(ExitCode.OK);
    }
}
