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
}
