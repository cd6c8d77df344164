package dev.evalgate.baselines;

import java.io.PrintStream;
import java.util.Locale;

/** Shared helpers for the baseline target kinds: the one line each prints when it is created. */
public final class Kinds {

    private Kinds() {
    }

    /** Prints {@code <id>: trained <kind> on <n> cases in <ms> ms (model <size>) [from cache]} to stderr. */
    public static void announce(String targetId, String kind, TrainingSet set, Trained<?> trained) {
        announce(System.err, targetId, kind, set, trained);
    }

    static void announce(PrintStream out, String targetId, String kind, TrainingSet set, Trained<?> trained) {
        out.println(line(targetId, kind, set, trained));
    }

    /** The announcement line, without printing it. */
    public static String line(String targetId, String kind, TrainingSet set, Trained<?> trained) {
        return targetId + ": trained " + kind + " on " + set.size() + " cases in " + trained.trainingTime().toMillis()
                + " ms (model " + size(trained.sizeBytes()) + ")" + (trained.fromCache() ? " from cache" : "");
    }

    /** A byte count as people read it: {@code 812 B}, {@code 14.2 KB}, {@code 3.1 MB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
