package dev.evalgate.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven, offline, over a copy of examples/spring-boot-service: its {@code @SpringBootTest} starts the
 * application against a loopback model and gates the suite against baseline.json; a worse system prompt fails the
 * build with the gate's lines.
 */
class SpringBootExampleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = ItProjects.root().resolve("examples/spring-boot-service");
    private static final String VERSION = "-Devalgate.version=" + ItProjects.version();
    private static final String ASSISTANT = "src/main/java/com/example/assistant/SupportAssistant.java";

    @TempDir
    Path dir;

    @Test
    void verify_passes_and_a_worse_prompt_fails_it_with_the_gates_lines() throws Exception {
        Path repository = ItProjects.repository();
        Path project = ItProjects.copy(EXAMPLE, dir.resolve("spring-boot-service"));

        MavenBuild passing = MavenBuild.run(project, repository, "-q", "verify", VERSION);

        assertThat(passing.exitCode()).as(passing.toString()).isZero();
        JsonNode verdict = gate(project);
        assertThat(verdict.path("status").asText()).isIn("PASS", "PASS_WITH_WARNING");
        assertThat(verdict.path("failsBuild").asBoolean()).isFalse();

        dropRefundQueue(project);
        MavenBuild failing = MavenBuild.run(project, repository, "-q", "verify", VERSION);

        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
        JsonNode worse = gate(project);
        assertThat(worse.path("status").asText()).isEqualTo("FAIL");
        List<String> failingLines = new ArrayList<>();
        worse.path("checks").forEach(c -> {
            if (c.path("status").asText().equals("FAIL")) {
                failingLines.add(c.path("line").asText());
            }
        });
        assertThat(failingLines).anySatisfy(line -> assertThat(line).contains("pass rate change"));
        assertThat(failing.output()).contains("SupportAssistantGateTest").contains("verdict: FAIL (fails the build)");
        failingLines.forEach(line -> assertThat(failing.output()).contains("FAIL               " + line));
    }

    /** Breaks the assistant the way the example's README shows: the refund queue leaves the system prompt. */
    private static void dropRefundQueue(Path project) throws IOException {
        Path assistant = project.resolve(ASSISTANT);
        List<String> lines = Files.readAllLines(assistant);
        List<String> worse = lines.stream().filter(l -> !l.strip().startsWith("- refund:")).toList();
        assertThat(worse).as("the refund line the README says to delete, in " + ASSISTANT).hasSize(lines.size() - 1);
        Files.write(assistant, worse);
    }

    private static JsonNode gate(Path project) throws IOException {
        Path file = project.resolve("target/evalgate/support-assistant-gate.json");
        assertThat(file).as("verdict file").exists();
        return JSON.readTree(file.toFile());
    }
}
