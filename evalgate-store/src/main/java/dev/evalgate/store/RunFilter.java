package dev.evalgate.store;

/**
 * Which stored runs to list: any of suite, target and branch (null means any), newest first, at most {@code limit}.
 */
public record RunFilter(String suite, String target, String branch, int limit) {

    public static final int DEFAULT_LIMIT = 50;

    public RunFilter {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} runs of every suite. */
    public static RunFilter all() {
        return new RunFilter(null, null, null, DEFAULT_LIMIT);
    }

    public RunFilter suite(String value) {
        return new RunFilter(value, target, branch, limit);
    }

    public RunFilter target(String value) {
        return new RunFilter(suite, value, branch, limit);
    }

    public RunFilter branch(String value) {
        return new RunFilter(suite, target, value, limit);
    }

    public RunFilter limit(int value) {
        return new RunFilter(suite, target, branch, value);
    }
}
