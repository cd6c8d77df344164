package dev.evalgate.server;

import dev.evalgate.store.Store;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures the labelling API on a judged run of 20,000 cases: the first GET of the items after start, then the
 * median of repeated GETs and of POSTs of a label. A benchmark, not a test: it prints figures and asserts nothing.
 * Run it with the test class path: {@code java -cp <test classpath> dev.evalgate.server.LabelPageBench [folder]}.
 */
public final class LabelPageBench {

    private static final int CASES = 20_000;
    private static final int REPEATS = 11;

    private LabelPageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/label-bench").toAbsolutePath();
        Files.createDirectories(folder);
        Path labels = folder.resolve("labels").resolve("judge.jsonl");
        Files.deleteIfExists(labels);
        Path db = folder.resolve("evalgate.db");
        boolean exists = Files.exists(db);
        try (Store store = Store.open(db.toString())) {
            if (!exists) {
                JudgedRuns.write(store, "judged-big", folder.resolve("evalgate.yaml").toString(), CASES);
            }
            try (DashboardServer server = DashboardServer.start(store, ServerOptions.local())) {
                Http http = Http.to(server);
                String path = "/api/runs/judged-big/labels";
                long start = System.nanoTime();
                String token = http.json(path).get("writeToken").asText();
                System.out.printf("first GET of the items: %.0f ms%n", (System.nanoTime() - start) / 1e6);
                double[] gets = new double[REPEATS];
                double[] posts = new double[REPEATS];
                for (int i = 0; i < REPEATS; i++) {
                    start = System.nanoTime();
                    String id = http.json(path + "?limit=1").get("items").get(0).get("id").asText();
                    gets[i] = (System.nanoTime() - start) / 1e6;
                    start = System.nanoTime();
                    HttpResponse<String> saved = http.post(path, "{\"id\": \"" + id + "\", \"verdict\": \"pass\"}",
                            WriteGuard.HEADER, token, "Content-Type", "application/json");
                    posts[i] = (System.nanoTime() - start) / 1e6;
                    if (saved.statusCode() != 200) {
                        throw new IllegalStateException(saved.body());
                    }
                }
                System.out.printf("GET of the next item, median of %d: %.0f ms%n", REPEATS, median(gets));
                System.out.printf("POST of a label, median of %d: %.0f ms%n", REPEATS, median(posts));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
