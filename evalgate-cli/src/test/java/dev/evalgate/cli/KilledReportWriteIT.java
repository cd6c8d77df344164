package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --html} and {@code check --markdown} processes killed with SIGKILL while they write over an
 * existing file: the file holds either its old or its new complete content, never part of one.
 */
class KilledReportWriteIT {

    private static final String OLD = "the report of an earlier run\n";

    @TempDir
    Path dir;

    @Test
    void a_killed_report_or_check_leaves_the_old_file_or_the_new_one() throws Exception {
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: history
                dataset: cases.jsonl
                targets:
                  - { id: bot, type: openai, model: gpt-test, api_key: "${EVALGATE_TEST_SURELY_UNSET_KEY}" }
                scorers: [equals]
                gate:
                  absolute: { pass_rate: ">= 0.95" }
                """);
        StoredRuns.write(dir.resolve(".evalgate/evalgate.db"), "run-1", 3000, i -> i % 4 != 0);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path html = out.resolve("report.html");
        Path md = out.resolve("gate.md");
        List<List<String>> commands = List.of(
                List.of("report", "--config", suite.toString(), "--html", html.toString()),
                List.of("check", "--config", suite.toString(), "--markdown", md.toString()));
        List<Path> files = List.of(html, md);
        List<String> fresh = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Process whole = start(commands.get(c));
            assertThat(whole.waitFor(120, TimeUnit.SECONDS)).isTrue();
            fresh.add(Files.readString(files.get(c)));
        }

        Random random = new Random(14);
        for (int trial = 0; trial < 6; trial++) {
            int c = trial % 2;
            Path file = files.get(c);
            Files.writeString(file, OLD);
            long delayMicros = trial < 2 ? 0 : random.nextInt(3_000);
            killAtFirstWrite(commands.get(c), out, delayMicros);

            assertThat(state(Files.readString(file), fresh.get(c))).as("trial %d: %s killed %d µs after it began"
                    + " writing", trial, commands.get(c).getFirst(), delayMicros).isIn("old", "new");
        }

        for (int c = 0; c < 2; c++) {
            assertThat(start(commands.get(c)).waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        try (var names = Files.list(out)) {
            assertThat(names.map(p -> p.getFileName().toString())).as("the next write cleans up after a kill")
                    .containsExactlyInAnyOrder("report.html", "gate.md");
        }
    }

    /** Which content the file holds, without printing a megabyte of report when it is neither. */
    private static String state(String content, String fresh) {
        if (content.equals(OLD)) {
            return "old";
        }
        return content.equals(fresh) ? "new" : "partial: " + content.length() + " of " + fresh.length() + " characters";
    }

    /** Starts the command and kills it outright as soon as (plus the delay) it touches a file in {@code out}. */
    private void killAtFirstWrite(List<String> command, Path out, long delayMicros) throws Exception {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            out.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            Process process = start(command);
            try {
                var key = watch.poll(120, TimeUnit.SECONDS);
                assertThat(key).as("the command began writing").isNotNull();
                long until = System.nanoTime() + delayMicros * 1000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // a busy wait: a sleep's granularity is coarser than the write
                }
                process.destroyForcibly(); // SIGKILL on Unix: no chance to finish the file
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private Process start(List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }
}
