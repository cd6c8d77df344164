package dev.evalgate.judge;

import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.ResilientCaller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judges a suite declares under {@code judges:}: those that can be called, each with the one caller every
 * use of it shares, and those left out because an environment variable they require is not set.
 *
 * @param skipped judge id to why it was left out, e.g. {@code OPENAI_API_KEY is not set}
 */
public record Judges(Map<String, Entry> callable, Map<String, String> skipped) implements AutoCloseable {

    /** No judge. */
    public static final Judges NONE = new Judges(Map.of(), Map.of());

    public Judges {
        callable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(callable));
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** A callable judge: its target as declared and the caller that applies its call policy. */
    public record Entry(TargetConfig target, ResilientCaller caller) {
    }

    /** Judges over {@code targets}, each given a caller with its own policy. */
    public static Judges of(List<TargetConfig> targets, Map<String, String> skipped) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (TargetConfig t : targets) {
            entries.put(t.id(), new Entry(t, new ResilientCaller(t.target(), t.policy())));
        }
        return new Judges(entries, skipped);
    }

    /** Every declared id, callable or not, for suggestions. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(callable.keySet());
        ids.addAll(skipped.keySet());
        return ids;
    }

    /** Closes every judge's caller and target. */
    @Override
    public void close() {
        for (Entry e : callable.values()) {
            try {
                e.caller().close();
            } catch (RuntimeException ignored) {
                // best effort, as for targets: a judge that fails to close must not hide the run's results
            }
        }
    }
}
