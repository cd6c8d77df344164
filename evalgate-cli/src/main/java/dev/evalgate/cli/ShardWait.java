package dev.evalgate.cli;

import dev.evalgate.error.ConfigException;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.ShardProgress;
import dev.evalgate.store.Store;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate's rule for sharded runs: it judges a whole run only, so it refuses one whose shards have not all
 * finished, or waits for them by polling the store.
 */
final class ShardWait {

    static final Duration POLL = Duration.ofSeconds(1);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private ShardWait() {
    }

    /**
     * The id of the run {@code ref} names ({@code last} resolved once, so the run waited for does not change)
     * once every shard of it is complete; a run written by one process is returned at once.
     *
     * @param wait how long to wait for missing shards; null to refuse at once
     * @throws ConfigException naming the missing shards when they did not finish in time
     */
    static String untilComplete(Store store, String ref, Duration wait, PrintWriter out) {
        long deadline = System.nanoTime() + (wait == null ? 0 : wait.toNanos());
        String runId = untilStarted(store, ref, wait, deadline, out);
        boolean said = false;
        while (true) {
            Optional<ShardProgress> progress = store.shards(runId);
            if (progress.isEmpty() || progress.get().done()) {
                return runId;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw incomplete(runId, progress.get(), wait);
            }
            if (!said) {
                out.println("waiting up to " + format(wait) + " for run " + runId + ": " + progress.get().describe());
                out.flush();
                said = true;
            }
            sleep(Math.min(left, POLL.toNanos()));
        }
    }

    /**
     * The id of the run {@code ref} names. A gate started beside its shards may look before the first shard
     * created the run, so with a wait a named run (not {@code last}) is waited for too.
     */
    private static String untilStarted(Store store, String ref, Duration wait, long deadline, PrintWriter out) {
        if (wait == null || RunSource.isFile(ref) || "last".equals(ref)) {
            return RunRecords.find(store, ref).runId();
        }
        boolean said = false;
        while (store.run(ref).isEmpty() && deadline - System.nanoTime() > 0) {
            if (!said) {
                out.println("waiting up to " + format(wait) + " for run " + ref + " to start");
                out.flush();
                said = true;
            }
            sleep(Math.max(0, Math.min(deadline - System.nanoTime(), POLL.toNanos())));
        }
        return RunRecords.find(store, ref).runId();
    }

    private static ConfigException incomplete(String runId, ShardProgress progress, Duration wait) {
        int first = progress.missing().getFirst();
        return new ConfigException((wait == null ? "" : "waited " + format(wait) + ": ") + "run " + runId
                + " is not complete: " + progress.describe() + "; missing " + progress.describeMissing()
                + ". The gate judges whole runs only: wait for the missing shards with --wait 30m, or re-run a"
                + " crashed shard with: evalgate run --shard " + first + "/" + progress.count() + " --run-id "
                + runId + " --resume");
    }

    /** Reads {@code 90s}, {@code 30m}, {@code 1h} or {@code 500ms}. */
    static Duration parse(String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new ConfigException("--wait " + value + ": give a duration such as 90s, 30m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while waiting for the shards of a run");
        }
    }
}
