package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code evalgate run} on the support-routing example ends its summary with the candidate to ship. */
class ShipDecisionIT {

    @TempDir
    Path dir;

    @Test
    void the_run_summary_recommends_the_cheapest_candidate_that_meets_every_budget() throws Exception {
        Path suite = Path.of("..", "examples", "support-routing", "evalgate.yaml");
        Path markdown = dir.resolve("summary.md");

        Cli cli = Cli.run("run", suite.toString(), "--store", dir.resolve("s.db").toString(), "--quiet",
                "--markdown", markdown.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // every local candidate costs $0 a request; only the embeddings baseline reaches the 0.85 pass-rate budget
        assertThat(cli.out()).contains("Ship decision (")
                .contains("recommended: embeddings — cheapest that meets every budget (pass rate ")
                .containsPattern("keywords +\\S.* +misses: support-routing/keywords pass rate is ");
        assertThat(Files.readString(markdown)).contains("**Ship decision**")
                .contains("**recommended: embeddings — cheapest that meets every budget");
    }

    @Test
    void an_unreachable_candidate_that_errored_on_every_case_is_never_recommended() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            cases.append("{\"id\":\"c").append(i).append("\",\"input\":\"a\",\"expected\":\"a\"}\n");
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: reach
                dataset: cases.jsonl
                targets:
                  - id: local
                    type: command
                    command: [sh, -c, "while read line; do echo '{\\"output\\": \\"a\\"}'; done"]
                    per_request: 0.001
                  - id: down
                    type: openai
                    model: gpt-test
                    base_url: "http://127.0.0.1:%d/v1"
                    api_key: sk-test
                    retries: 0
                scorers: [equals]
                """.formatted(closedPort));

        Cli both = Cli.run("run", suite.toString(), "--store", dir.resolve("s.db").toString(), "--quiet");
        Cli alone = Cli.run("run", suite.toString(), "--store", dir.resolve("s.db").toString(), "--quiet",
                "--target", "down");

        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(both.out()).contains("recommended: local — no budgets in the suite's gate: cheapest candidate that"
                + " is not dominated (cost $0.001000/request)").doesNotContain("recommended: down");
        assertThat(alone.out()).contains("  no recommendation: down: reach/down errored on every case"
                + " (20 of 20), so there is no answer to judge").doesNotContain("recommended: down");
    }
}
