package dev.evalgate.browser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Twenty nightly runs of a small support-routing suite, two targets each, written straight into a store: the
 * history the dashboard tests click through.
 *
 * <p>Every answer comes from a seed made of (run, target, case), so the tests can work out what any page should
 * show; {@code tfidf} improves run by run and {@code keywords} stays flat, so the trend has a shape.
 */
final class RoutingHistory {

    static final String SUITE = "support-routing";
    static final int RUNS = 20;
    static final int CASES = 40;
    static final List<String> TARGETS = List.of("tfidf", "keywords");
    static final Instant FIRST = Instant.parse("2025-03-01T02:00:00Z");
    private static final List<String> LABELS = List.of("billing", "refund", "shipping", "account_access");
    private static final List<String> MESSAGES = List.of(
            "I was charged twice for my March invoice, order %d",
            "Please send my money back for order %d, the blender broke",
            "Parcel %d has been stuck in transit for nine days",
            "I cannot log in since the password reset, account %d");

    private RoutingHistory() {
    }

    /** {@code run-01} … {@code run-20}, oldest first. */
    static String runId(int run) {
        return String.format("run-%02d", run + 1);
    }

    static String caseId(int i) {
        return String.format("sr-%03d", i);
    }

    static String input(int i) {
        return MESSAGES.get(i % LABELS.size()).formatted(1000 + i);
    }

    static String expected(int i) {
        return LABELS.get(i % LABELS.size());
    }

    /** Whether target {@code t} (index into {@link #TARGETS}) answered case {@code i} right in run {@code run}. */
    static boolean passes(int run, int t, int i) {
        double passRate = t == 0 ? 0.60 + 0.015 * run : 0.55;
        return random(run, t, i).nextDouble() < passRate;
    }

    static String answer(int run, int t, int i) {
        if (passes(run, t, i)) {
            return expected(i);
        }
        // any label but the right one
        return LABELS.get((i + 1 + random(run, t, i).nextInt(LABELS.size() - 1)) % LABELS.size());
    }

    /** A commit hash per run whose short form differs too, as real ones do. */
    static String commit(int run) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(("commit " + run).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    static void write(String db) {
        List<StoredRun> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            StoredRun stored = new StoredRun(SUITE, runId(run)).commit(commit(run))
                    .startedAt(FIRST.plus(Duration.ofDays(run)));
            for (int t = 0; t < TARGETS.size(); t++) {
                for (int i = 0; i < CASES; i++) {
                    double latency = 12 + random(run, t, i).nextInt(30) + 40 * t;
                    stored.answer(new StoredRun.Answer(TARGETS.get(t), caseId(i), input(i), expected(i),
                            answer(run, t, i), latency, Map.of("channel", i % 3 == 0 ? "email" : "chat")));
                }
            }
            runs.add(stored);
        }
        StoredRun.writeAll(db, runs);
    }

    // SplittableRandom mixes its seed: java.util.Random's first draws from neighbouring seeds are nearly equal.
    private static SplittableRandom random(int run, int t, int i) {
        return new SplittableRandom(1_000_003L * run + 1_009L * t + i);
    }
}
