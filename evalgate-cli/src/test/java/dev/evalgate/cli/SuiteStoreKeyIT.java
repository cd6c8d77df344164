package dev.evalgate.cli;

import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A suite's {@code store:} is where run writes and where check and rescore read. */
class SuiteStoreKeyIT {

    @TempDir
    Path dir;

    @Test
    void run_check_and_rescore_use_the_store_the_suite_names() throws Exception {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"a\",\"input\":\"q\",\"expected\":\"ok\"}\n");
        String reply = "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}";
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ZERO, body -> reply)) {
            Path suite = dir.resolve("suite.yaml");
            Files.writeString(suite, """
                    suite: kept
                    dataset: cases.jsonl
                    store: history/runs.db
                    targets: [ { id: m, type: openai, base_url: "%s", model: m, per_request: 0 } ]
                    scorers: [ equals ]
                    gate: { absolute: { error_rate: "<= 0.5" } }
                    """.formatted(server.url("/v1")));

            Cli run = Cli.run("run", suite.toString(), "--quiet");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(dir.resolve("history/runs.db")).exists();
            assertThat(dir.resolve(".evalgate/evalgate.db")).doesNotExist();

            Cli check = Cli.run("check", "--config", suite.toString());
            assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).contains("kept/m error rate is 0.000");
            Cli rescore = Cli.run("rescore", "last", "--config", suite.toString());
            assertThat(rescore.exitCode()).as(rescore.err()).isZero();
        }
    }
}
