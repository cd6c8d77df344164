package dev.evalgate.server;

import dev.evalgate.store.GitInfo;
import dev.evalgate.store.Store;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Measures the dashboard's failure paging on a 100,000-case run (two targets, so 200,000 stored samples):
 * the first request of each kind after start, then the median of repeated ones. A benchmark, not a test: it
 * prints figures and asserts nothing. Run it with the test class path:
 * {@code java -cp <test classpath> dev.evalgate.server.FailurePagingBench [store-file]}.
 * With {@code --without-index} it drops the V2 partial index first, to show what the index buys.
 */
public final class FailurePagingBench {

    private static final int CASES = 100_000;
    private static final int REPEATS = 21;

    private FailurePagingBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean withoutIndex = Arrays.asList(args).contains("--without-index");
        Path file = Path.of(Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .orElse("target/bench/evalgate.db")).toAbsolutePath();
        boolean exists = Files.exists(file);
        try (Store store = Store.open(file.toString())) {
            if (!exists) {
                long start = System.nanoTime();
                // mini fails 1 case in 5, keywords 1 in 3: 53,333 failed or errored samples in all
                SyntheticRuns.write(store, "big", "big-run", CASES, new GitInfo("feedbeef", "main", false),
                        (t, i) -> t == 0 ? i % 5 != 0 : i % 3 != 0);
                System.out.printf("wrote %,d cases x 2 targets in %.1f s%n", CASES, (System.nanoTime() - start) / 1e9);
            }
            if (withoutIndex) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement s = c.createStatement()) {
                    s.execute("DROP INDEX IF EXISTS case_results_not_passed");
                }
            }
            try (DashboardServer server = DashboardServer.start(store, ServerOptions.local())) {
                Http http = Http.to(server);
                measure(http, "first page (50 rows, with total)", "/api/runs/big-run/failures?limit=50");
                measure(http, "filter by target", "/api/runs/big-run/failures?target=mini&limit=50");
                measure(http, "text search, all targets", "/api/runs/big-run/failures?q=answer+4242&limit=50");
                measure(http, "text search + target", "/api/runs/big-run/failures?target=keywords&q=question+9999&limit=50");
                measure(http, "deep page (offset 50,000)", "/api/runs/big-run/failures?offset=50000&limit=50");
                measure(http, "run view (all cases folded)", "/api/runs/big-run");
            }
        }
    }

    private static void measure(Http http, String what, String path) {
        long first = time(http, path);
        long[] times = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            times[i] = time(http, path);
        }
        Arrays.sort(times);
        System.out.printf("%-34s first %8.1f ms   median %8.1f ms   (%s)%n", what, first / 1e6,
                times[REPEATS / 2] / 1e6, path);
    }

    private static long time(Http http, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = http.get(path);
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }
}
