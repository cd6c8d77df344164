package dev.evalgate.target;

/**
 * The system under test: turns one request into one reply.
 *
 * <p>Implementations do only the call. The runner times it, limits concurrency and rate, applies the timeout
 * and retries (see {@link ResilientCaller}); a target reports tokens when it knows them. Throw a
 * {@link dev.evalgate.error.TargetException} to say whether a failure is worth retrying; any other exception
 * is recorded as a fatal error for that case.
 */
@FunctionalInterface
public interface Target extends AutoCloseable {

    Reply call(Request request) throws Exception;

    /**
     * The most calls this target can really serve at once, e.g. its number of worker processes. The runner never
     * has more in flight, so time spent queueing inside the target is not counted as the target's latency.
     */
    default int maxConcurrency() {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether answers may be kept in the response cache. In-process models answer in microseconds and may be
     * retrained under the same settings, so they say no: they are always called, and always timed.
     */
    default boolean cacheable() {
        return true;
    }

    /** Releases what the target holds (worker processes, HTTP clients). Called once, after the last call. */
    @Override
    default void close() {
    }
}
