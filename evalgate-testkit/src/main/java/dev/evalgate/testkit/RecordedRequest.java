package dev.evalgate.testkit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as a {@link LoopbackServer} received it.
 *
 * @param index        0-based order of arrival
 * @param path         the path without the query
 * @param query        the raw query, or null
 * @param headers      names are case-insensitive
 * @param arrivedNanos {@link System#nanoTime()} when the request arrived, for ordering and gaps between attempts
 */
public record RecordedRequest(int index, String method, String path, String query, Map<String, List<String>> headers,
                              String body, long arrivedNanos) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Milliseconds between {@code earlier}'s arrival and this one's. */
    public double millisAfter(RecordedRequest earlier) {
        return (arrivedNanos - earlier.arrivedNanos) / 1_000_000.0;
    }
}
