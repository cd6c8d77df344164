package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.store.RunFilter;
import dev.evalgate.store.Store;
import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of multi-step conversations killed with SIGKILL in the middle is resumed: every conversation is stored
 * exactly once, whole, and the steps answered before the kill come from the cache instead of the model.
 */
class ConversationResumeIT {

    private static final int CASES = 60;

    @TempDir
    Path dir;

    @Test
    void a_run_killed_in_the_middle_of_conversations_resumes_with_each_case_exactly_once() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int k = 1; k <= CASES; k++) {
            cases.append(ToolCallingModel.caseLine(5 * k)); // each: lookup, refund, answer — three calls
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        ToolCallingModel model = new ToolCallingModel(false);
        CountDownLatch calls = new CountDownLatch(70);
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ofMillis(15), body -> {
            calls.countDown();
            return model.answer(body);
        })) {
            Path suite = Files.writeString(dir.resolve("evalgate.yaml"), """
                    suite: killed-conversations
                    dataset: cases.jsonl
                    %s
                    targets: [ { id: a, type: openai, base_url: "%s", model: m, per_request: 0 } ]
                    scorers: [ tool-calls ]
                    run: { concurrency: 4, warm_harness: false }
                    """.formatted(ToolCallingModel.TOOLS, server.url("/v1")));
            killAfter(calls, "run", suite.toString(), "--quiet");
            int beforeResume = server.requestCount();
            Path results = dir.resolve("r.json");

            Cli resumed = Cli.run("run", suite.toString(), "--resume", "last", "--output", results.toString());

            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("100.0% (60/60)");
            assertThat(server.requestCount()).as("steps answered before the kill are not asked again")
                    .isLessThan(beforeResume + 3 * CASES);
            try (Store store = Store.open(dir.resolve(".evalgate/evalgate.db").toString())) {
                String runId = store.runs(RunFilter.all()).getFirst().runId();
                try (var rows = store.caseResults(runId)) {
                    Map<String, List<Integer>> steps = rows.collect(Collectors.groupingBy(r -> r.caseId(),
                            Collectors.mapping(r -> r.sample().exchange().steps(), Collectors.toList())));
                    assertThat(steps).hasSize(CASES).allSatisfy((id, s) -> assertThat(s).containsExactly(3));
                }
            }
            JsonNode json = ToolCallingModel.JSON.readTree(results.toFile());
            List<String> ids = new ArrayList<>();
            json.get("cases").forEach(c -> ids.add(c.get("id").asText()));
            assertThat(ids).hasSize(CASES).doesNotHaveDuplicates();
        }
    }

    /** Starts {@code evalgate args} in a child JVM and kills it with SIGKILL once {@code calls} reached zero. */
    private void killAfter(CountDownLatch calls, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            assertThat(calls.await(60, TimeUnit.SECONDS)).as("the run got going").isTrue();
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isEqualTo(137);
    }
}
