package dev.evalgate.server;

import dev.evalgate.store.JudgedOutputs;
import dev.evalgate.store.RunStatus;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;
import dev.evalgate.store.StoredRun;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A run's judged outputs for the labelling API, read from the store once per run, scorer and target while the run
 * is finished — a finished run never changes, and a person labelling asks for the same ones after every verdict.
 * A run still running is read afresh each time. Only the few most recent are kept.
 */
final class JudgedItems {

    private static final int KEPT = 4;

    private final Store store;
    private final Map<String, JudgedOutputs> cache = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JudgedOutputs> eldest) {
            return size() > KEPT;
        }
    };

    JudgedItems(Store store) {
        this.store = store;
    }

    /** The outputs {@code scorer} judged in {@code run}, of {@code target} only unless it is null. */
    JudgedOutputs of(StoredRun run, String scorer, String target) {
        if (run.status() == RunStatus.RUNNING) {
            return read(run, scorer, target);
        }
        String key = run.runId() + '\u0000' + scorer + '\u0000' + (target == null ? "" : target);
        synchronized (cache) {
            JudgedOutputs kept = cache.get(key);
            if (kept != null) {
                return kept;
            }
        }
        JudgedOutputs read = read(run, scorer, target);
        synchronized (cache) {
            cache.put(key, read);
        }
        return read;
    }

    private JudgedOutputs read(StoredRun run, String scorer, String target) {
        try (Stream<StoredCaseResult> results = store.caseResults(run.runId())) {
            return JudgedOutputs.of(results.toList(), scorer, target);
        }
    }
}
