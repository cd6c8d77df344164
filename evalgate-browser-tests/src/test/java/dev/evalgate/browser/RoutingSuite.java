package dev.evalgate.browser;

import dev.evalgate.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small copy of the support-routing example in a temporary folder — its first {@value #CASES} cases, its
 * training file, three local baselines — run in-process through the command line as a user would.
 */
final class RoutingSuite {

    static final int CASES = 60;
    static final List<String> TARGETS = List.of("majority", "keywords", "tfidf");
    private static final Path EXAMPLE = Path.of("..", "examples", "support-routing", "data");

    private final Path dir;

    private RoutingSuite(Path dir) {
        this.dir = dir;
    }

    /** Writes the suite into {@code dir}. */
    static RoutingSuite in(Path dir) {
        try {
            List<String> cases = Files.readAllLines(EXAMPLE.resolve("cases.jsonl"));
            Files.write(dir.resolve("cases.jsonl"), cases.subList(0, CASES));
            Files.copy(EXAMPLE.resolve("train.jsonl"), dir.resolve("train.jsonl"));
            Files.writeString(dir.resolve("evalgate.yaml"), """
                    suite: support-routing-mini
                    dataset: cases.jsonl
                    train: train.jsonl
                    targets:
                      - { id: majority, type: "baseline:majority" }
                      - { id: keywords, type: "baseline:keywords" }
                      - { id: tfidf, type: "baseline:tfidf" }
                    scorers: [label]
                    slices: [channel]
                    gate:
                      targets: [tfidf]
                      absolute: { pass_rate: ">= 0.5", p95_latency_ms: "<= 500" }
                    run: { concurrency: 2, seed: 1 }
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RoutingSuite(dir);
    }

    Path file() {
        return dir.resolve("evalgate.yaml");
    }

    String store() {
        return dir.resolve("store.db").toString();
    }

    /** Runs {@code evalgate args...} in this JVM and returns what it printed; fails on a non-zero exit. */
    static String evalgate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        if (code != 0) {
            throw new AssertionError("evalgate " + String.join(" ", args) + " exited " + code + ": " + err + out);
        }
        return out.toString();
    }

    /** Runs the suite into its store. */
    void run() {
        evalgate("run", file().toString(), "--store", store(), "--quiet");
    }

    /** Writes the HTML report of the newest run to {@code html}. */
    void report(Path html) {
        evalgate("report", "last", "--store", store(), "--config", file().toString(), "--html", html.toString());
    }
}
