package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.store.RunFilter;
import dev.evalgate.store.RunStatus;
import dev.evalgate.store.Store;
import dev.evalgate.testkit.FixedLatencyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real {@code evalgate run} processes killed with SIGKILL at varied points are resumed: the store and the results
 * file each hold every (target, case) exactly once. {@code -Dresume.trials=20} runs more trials.
 */
class ResumeAfterKillIT {

    private static final int CASES = 300;
    private static final String REPLY =
            "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";

    @TempDir
    Path dir;

    @Test
    void runs_killed_at_varied_points_resume_under_their_id_with_every_case_exactly_once() throws Exception {
        int trials = Integer.getInteger("resume.trials", 5);
        for (int trial = 0; trial < trials; trial++) {
            // kill points spread over the 600 calls; every other trial kills the first resume too
            int killAt = 10 + (trial * 97) % 500;
            trial(dir.resolve("trial-" + trial), killAt, trial % 2 == 1);
        }
    }

    private void trial(Path trialDir, int killAt, boolean killResumeToo) throws Exception {
        Files.createDirectories(trialDir);
        StringBuilder cases = new StringBuilder();
        for (int n = 0; n < CASES; n++) {
            cases.append("{\"id\":\"c").append(n).append("\",\"input\":\"q").append(n).append("\",\"expected\":\"ok\"}\n");
        }
        Files.writeString(trialDir.resolve("cases.jsonl"), cases);
        AtomicReference<CountDownLatch> calls = new AtomicReference<>(new CountDownLatch(killAt));
        try (FixedLatencyServer server = FixedLatencyServer.start(Duration.ofMillis(20), body -> {
            calls.get().countDown();
            return REPLY;
        })) {
            Path suite = trialDir.resolve("evalgate.yaml");
            Files.writeString(suite, """
                    suite: killed
                    dataset: cases.jsonl
                    targets:
                      - { id: a, type: openai, base_url: "%1$s", model: m, per_request: 0 }
                      - { id: b, type: openai, base_url: "%1$s", model: m, per_request: 0, temperature: 0.5 }
                    scorers: [ equals ]
                    run: { concurrency: 4 }
                    """.formatted(server.url("/v1")));
            killAfter(calls.get(), trialDir, "run", suite.toString(), "--quiet");
            int firstKill = server.requestCount();
            int secondKill = -1;
            if (killResumeToo) {
                calls.set(new CountDownLatch(40));
                killAfter(calls.get(), trialDir, "run", suite.toString(), "--resume", "last", "--quiet");
                secondKill = server.requestCount();
            }
            Path results = trialDir.resolve("r.json");

            Cli resumed = Cli.run("run", suite.toString(), "--resume", "last", "--output", results.toString());

            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("Suite killed: 300 cases").contains("100.0% (300/300)");
            assertProgressEndsAtItsTotal(resumed.err());
            assertEveryCaseOnce(trialDir.resolve(".evalgate/evalgate.db"), results);
            // the figures of each trial, for whoever runs many by hand
            System.out.println("resume trial " + trialDir.getFileName() + ": killed after " + firstKill + " calls"
                    + (secondKill < 0 ? "" : ", resume killed after " + secondKill) + ", " + server.requestCount()
                    + " calls in all for " + 2 * CASES + " target-cases; store and results file hold each once");
        }
    }

    /** Starts {@code evalgate args} in a child JVM and kills it with SIGKILL once {@code calls} reached zero. */
    private static void killAfter(CountDownLatch calls, Path dir, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            assertThat(calls.await(60, TimeUnit.SECONDS)).as("the run got going").isTrue();
            process.destroyForcibly(); // SIGKILL on Unix: no chance to flush or finish
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isEqualTo(137);
    }

    /** The last progress line counts exactly the calls this session had to make: done equals total. */
    private static void assertProgressEndsAtItsTotal(String err) {
        Matcher progress = Pattern.compile("progress: (\\d+)/(\\d+) ").matcher(err);
        String last = null;
        String total = null;
        while (progress.find()) {
            last = progress.group(1);
            total = progress.group(2);
        }
        if (last != null) {
            assertThat(last).as(err).isEqualTo(total);
        }
    }

    private static void assertEveryCaseOnce(Path db, Path results) throws IOException {
        try (Store store = Store.open(db.toString())) {
            var runs = store.runs(RunFilter.all());
            assertThat(runs).hasSize(1);
            assertThat(runs.getFirst().status()).isEqualTo(RunStatus.COMPLETE);
            try (var rows = store.caseResults(runs.getFirst().runId())) {
                Map<String, Long> perCase = rows.collect(Collectors.groupingBy(
                        r -> r.target() + "/" + r.caseId(), Collectors.counting()));
                assertThat(perCase).hasSize(2 * CASES).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
            }
        }
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        List<String> keys = new ArrayList<>();
        json.get("cases").forEach(c -> keys.add(c.get("target").asText() + "/" + c.get("id").asText()));
        assertThat(keys).as("the results file holds every case of the run once").hasSize(2 * CASES)
                .doesNotHaveDuplicates();
        assertThat(json.get("complete").asBoolean()).isTrue();
    }
}
