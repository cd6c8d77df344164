package dev.evalgate.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven, offline, over a copy of examples/java-service: its JUnit test and the plugin's check goal gate the
 * same suite against baseline.json, and give the same verdict as the CLI run in-process on the same files.
 */
class JavaServiceExampleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = ItProjects.root().resolve("examples/java-service");
    /** The example pins the evalgate version it was written for; the builds here use this build's. */
    private static final String VERSION = "-Devalgate.version=" + ItProjects.version();
    private static final String ROUTER = "src/main/java/com/example/support/TicketRouter.java";

    @TempDir
    Path dir;

    Path project;
    Path repository;

    @BeforeEach
    void copyExample() throws IOException {
        repository = ItProjects.repository();
        project = ItProjects.copy(EXAMPLE, dir.resolve("java-service"));
    }

    @Test
    void verify_passes_and_plugin_junit_and_cli_agree_on_the_verdict() throws Exception {
        MavenBuild build = MavenBuild.run(project, repository, "-q", "verify", VERSION);

        assertThat(build.exitCode()).as(build.toString()).isZero();
        JsonNode plugin = gate("target/evalgate/gate.json");
        assertThat(plugin.path("status").asText()).isIn("PASS", "PASS_WITH_WARNING");
        assertThat(plugin.path("failsBuild").asBoolean()).isFalse();
        assertSameVerdict(plugin, gate("target/evalgate/ticket-router-gate.json"), cliVerdict());
    }

    @Test
    void a_worse_router_fails_verify_with_the_gates_lines_and_every_front_end_agrees() throws Exception {
        degradeRouter();

        // the JUnit test fails first; ignoring it lets the plugin's check run too, as a CI build with both would
        MavenBuild build = MavenBuild.run(project, repository, "-q", "verify", VERSION,
                "-Dmaven.test.failure.ignore=true");

        assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
        JsonNode plugin = gate("target/evalgate/gate.json");
        assertThat(plugin.path("status").asText()).isEqualTo("FAIL");
        List<String> failing = new ArrayList<>();
        plugin.path("checks").forEach(c -> {
            if (c.path("status").asText().equals("FAIL")) {
                failing.add(c.path("line").asText());
            }
        });
        assertThat(failing).isNotEmpty();
        assertThat(build.output()).contains("evalgate gate failed on run " + plugin.path("runId").asText())
                .contains("verdict: FAIL (fails the build)");
        failing.forEach(line -> assertThat(build.output()).contains("FAIL               " + line));
        assertSameVerdict(plugin, gate("target/evalgate/ticket-router-gate.json"), cliVerdict());
    }

    /** Breaks the router the way the example's README shows: the refund rule is deleted. */
    private void degradeRouter() throws IOException {
        Path router = project.resolve(ROUTER);
        List<String> lines = Files.readAllLines(router);
        List<String> worse = lines.stream().filter(l -> !l.contains("new Rule(Queue.REFUND,")).toList();
        assertThat(worse).as("the refund rule the README says to delete, in " + ROUTER).hasSize(lines.size() - 1);
        Files.write(router, worse);
    }

    private JsonNode gate(String path) throws IOException {
        Path file = project.resolve(path);
        assertThat(file).as("verdict file").exists();
        return JSON.readTree(file.toFile());
    }

    /** {@code evalgate run} then {@code evalgate check --json}, in this JVM, on the copy's suite and baseline. */
    private JsonNode cliVerdict() throws IOException {
        Path suite = project.resolve("evalgate.yaml");
        Path results = dir.resolve("cli/results.json");
        Path store = dir.resolve("cli/evalgate.db");
        Path json = dir.resolve("cli/gate.json");
        cli("run", suite.toString(), "--quiet", "--no-cache", "--store", store.toString(), "--output",
                results.toString());
        String runId = JSON.readTree(results.toFile()).path("run").path("run_id").asText();
        cli("check", runId, "--config", suite.toString(), "--store", store.toString(),
                "--baseline", project.resolve("baseline.json").toString(), "--json", json.toString());
        return JSON.readTree(json.toFile());
    }

    private static void cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("evalgate %s:%n%s%s", String.join(" ", args), out, err).isIn(0, 100);
    }

    /** Equal verdicts: the same status, and the same checks by name with the same status each. */
    private static void assertSameVerdict(JsonNode plugin, JsonNode junit, JsonNode cli) {
        assertThat(summary(junit)).as("JUnit extension vs plugin").isEqualTo(summary(plugin));
        assertThat(summary(cli)).as("CLI vs plugin").isEqualTo(summary(plugin));
    }

    private static List<String> summary(JsonNode gate) {
        List<String> lines = new ArrayList<>(List.of("status " + gate.path("status").asText()));
        gate.path("checks").forEach(c -> lines.add(c.path("name").asText() + ": " + c.path("status").asText()));
        return lines;
    }
}
