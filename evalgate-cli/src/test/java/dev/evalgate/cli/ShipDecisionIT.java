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
        // both candidates cost $0 a request; keywords-basic misses the 0.75 pass-rate budget
        assertThat(cli.out()).contains("Ship decision (")
                .contains("recommended: keywords-extended — cheapest that meets every budget (pass rate ")
                .containsPattern("keywords-basic +\\S.* +misses: support-routing/keywords-basic pass rate is ");
        assertThat(Files.readString(markdown)).contains("**Ship decision**")
                .contains("**recommended: keywords-extended — cheapest that meets every budget");
    }
}
