package dev.evalgate.target;

import java.time.Duration;

/**
 * How calls to one target are made: how many at once, how often, how long each may take, how often to retry.
 *
 * @param concurrency       most calls in flight at once for this target
 * @param requestsPerMinute at most this many calls start per minute; 0 for no limit
 * @param timeout           longest wait for one attempt; {@link Duration#ZERO} for none
 * @param retries           extra attempts after a retriable failure
 * @param backoffBase       wait before the first retry; doubled each time, with jitter
 * @param backoffMax        longest wait between attempts, also the cap on a server's Retry-After
 * @param seed              seeds the jitter, so a run's retry timing is reproducible
 */
public record CallPolicy(int concurrency, int requestsPerMinute, Duration timeout, int retries, Duration backoffBase,
                         Duration backoffMax, long seed) {

    public static final CallPolicy DEFAULT = new CallPolicy(16, 0, Duration.ofSeconds(60), 3,
            Duration.ofMillis(500), Duration.ofSeconds(60), 1);

    public CallPolicy {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    public CallPolicy withConcurrency(int value) {
        return new CallPolicy(value, requestsPerMinute, timeout, retries, backoffBase, backoffMax, seed);
    }

    public CallPolicy withTimeout(Duration value) {
        return new CallPolicy(concurrency, requestsPerMinute, value, retries, backoffBase, backoffMax, seed);
    }

    public CallPolicy withRetries(int value, Duration base) {
        return new CallPolicy(concurrency, requestsPerMinute, timeout, value, base, backoffMax, seed);
    }
}
