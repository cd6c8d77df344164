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

    /**
     * Gets the target ready to answer before the runner starts timing, so start-up is never counted as a call's
     * latency: a worker pool starts its processes and waits until each answers. The runner calls it once per run,
     * before the first measured call, for every target at the same time.
     *
     * @param probe the request of the run's first case, for a target that can only tell it is ready by being asked
     *              (the answer is discarded); null when the run has no case
     * @throws Exception when preparing fails; the run goes on and the calls report what is wrong
     */
    default void prepare(Request probe) throws Exception {
    }

    /**
     * Opens up to {@code connections} connections to the target's endpoint right before the measured run, so its
     * first calls find them open as later calls do instead of timing a server's accepting a new connection; nothing
     * is sent and nothing is billed. The runner calls it once per run, after the warm-ups; targets without
     * connections of their own (the default) do nothing.
     *
     * @param probe the request of the run's first case, for a target whose endpoint depends on the case; null when
     *              the run has no case
     * @throws Exception when a connection cannot be opened; the run goes on and the calls report what is wrong
     */
    default void connect(Request probe, int connections) throws Exception {
    }

    /**
     * A copy of this target that speaks its protocol to the loopback stand-in at {@code standIn} instead of the
     * real endpoint, used to warm the harness before the measured run; empty (the default) for targets without an
     * HTTP endpoint, which are then warmed on the suite's own cases only when {@link #freeToCall()} says so.
     */
    default java.util.Optional<Rehearsal> rehearsal(java.net.URI standIn) {
        return java.util.Optional.empty();
    }

    /**
     * Whether a call costs nothing and reaches nothing beyond this machine (a baseline, a local worker process), so
     * the harness may be warmed by calling it on the suite's first cases. False by default: an unknown target may
     * call a paid model.
     */
    default boolean freeToCall() {
        return false;
    }

    /** Releases what the target holds (worker processes, HTTP clients). Called once, after the last call. */
    @Override
    default void close() {
    }
}
