package dev.evalgate.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven, offline, over the sample project in src/test/projects/sample: a {@code java} target over the
 * project's own class, gated by evalgate.yaml (passes) or strict.yaml (fails).
 */
class SampleProjectIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path project;
    Path repository;

    @BeforeEach
    void copySample() throws IOException {
        repository = ItProjects.repository();
        project = ItProjects.copy(Path.of("src/test/projects/sample").toAbsolutePath(), dir.resolve("sample"));
    }

    private Path report(String name) {
        return project.resolve("target/evalgate").resolve(name);
    }

    @Test
    void check_passes_the_build_and_writes_every_report() throws Exception {
        MavenBuild build = MavenBuild.run(project, repository, "-q", "verify");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        JsonNode gate = JSON.readTree(report("gate.json").toFile());
        assertThat(gate.path("status").asText()).isEqualTo("PASS");
        assertThat(gate.path("checks").get(0).path("line").asText())
                .isEqualTo("sentiment/words pass rate is 0.900, within minimum 0.600");
        JsonNode results = JSON.readTree(report("results.json").toFile());
        assertThat(gate.path("runId").asText()).as("check is given the run that run stored")
                .isEqualTo(results.path("run").path("run_id").asText());
        assertThat(ItProjects.read(report("summary.md"))).contains("words");
        assertThat(ItProjects.read(report("gate.md"))).startsWith("### evalgate gate: **PASS**");
        assertThat(ItProjects.read(report("TEST-evalgate-run.xml"))).contains("tests=\"30\"");
        assertThat(ItProjects.read(report("TEST-evalgate-gate.xml"))).contains("failures=\"0\"");
    }

    @Test
    void check_fails_the_build_with_the_gates_lines() throws Exception {
        MavenBuild build = MavenBuild.run(project, repository, "-q", "verify", "-Devalgate.suite=strict.yaml");

        assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
        assertThat(build.output()).contains("evalgate gate failed on run")
                .contains("FAIL               sentiment/words pass rate is 0.900, but expected minimum is 0.990")
                .contains("verdict: FAIL (fails the build)");
        assertThat(JSON.readTree(report("gate.json").toFile()).path("status").asText()).isEqualTo("FAIL");
    }

    @Test
    void a_failed_gate_only_warns_when_halt_on_failure_is_off() throws Exception {
        MavenBuild build = MavenBuild.run(project, repository, "verify", "-Devalgate.suite=strict.yaml",
                "-Devalgate.haltOnFailure=false");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.output()).contains("[WARNING] evalgate gate failed on run")
                .contains("verdict: FAIL (fails the build)").contains("BUILD SUCCESS");
    }

    @Test
    void a_bad_suite_fails_with_evalgates_error_line_and_no_stack_trace() throws Exception {
        MavenBuild build = MavenBuild.run(project, repository, "-q", "verify", "-Devalgate.suite=broken.yaml");

        assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
        assertThat(build.output()).contains("evalgate run rejected the suite or its options: ")
                .contains("broken.yaml").contains("'sample.NoSuchClass', which is not on the class path")
                .doesNotContain("\tat dev.evalgate").doesNotContain("Exception in thread");
        assertThat(report("gate.json")).doesNotExist();
    }

    @Test
    void the_run_goal_runs_an_inline_suite_without_applying_the_gate() throws Exception {
        MavenBuild build = MavenBuild.run(project, repository, "-q", "-Pinline", "process-classes",
                "dev.evalgate:evalgate-maven-plugin:" + ItProjects.version() + ":run");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(ItProjects.read(report("suite.yaml")))
                .startsWith("suite: sentiment-inline\ndataset: ")
                .contains("dataset: " + project.toRealPath().resolve("cases.jsonl") + "\ntargets:\n  - { id: words");
        JsonNode results = JSON.readTree(report("results.json").toFile());
        assertThat(results.path("run").path("suite").asText()).isEqualTo("sentiment-inline");
        assertThat(results.path("cases")).hasSize(30);
        assertThat(report("gate.json")).doesNotExist();
    }

    @Test
    void skip_runs_nothing() throws Exception {
        MavenBuild build = MavenBuild.run(project, repository, "verify", "-Devalgate.skip=true");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.output()).contains("evalgate: skipped");
        assertThat(project.resolve("target/evalgate")).doesNotExist();
    }
}
