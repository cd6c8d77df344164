package dev.evalgate.target;

import dev.evalgate.run.CallError;

/**
 * The result of calling a target with retries: a reply or an error, the latency of the last attempt, the attempts.
 *
 * @param latencyMs wall time of the last attempt, measured around the target's {@code call}; a timed-out attempt
 *                  counts as the timeout
 */
public record Attempted(Reply reply, CallError error, double latencyMs, int attempts) {

    public boolean failed() {
        return error != null;
    }
}
