package dev.evalgate.store;

/**
 * Which page of a run's failed and errored samples to read: an optional target, an optional text to look for,
 * and the window {@code [offset, offset + limit)} in the order target id, case id, repeat.
 *
 * @param target null or blank for every target
 * @param text   null or blank for no search; otherwise matched case-insensitively (ASCII letters) anywhere in
 *               the case id, input, expected answers, output or error message
 */
public record FailureFilter(String target, String text, int offset, int limit) {

    /** The most rows one page may hold, so no request can ask for a whole run at once. */
    public static final int MAX_LIMIT = 500;

    public FailureFilter {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        target = target == null || target.isBlank() ? null : target.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** The first {@code limit} failures of every target. */
    public static FailureFilter first(int limit) {
        return new FailureFilter(null, null, 0, limit);
    }
}
