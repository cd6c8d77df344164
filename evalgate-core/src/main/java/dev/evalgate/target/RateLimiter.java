package dev.evalgate.target;

/**
 * Spaces call starts evenly so that no more than N start in any minute.
 *
 * <p>Even spacing rather than a burst bucket: providers count per second as well as per minute.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long next;

    RateLimiter(int perMinute) {
        this.intervalNanos = 60_000_000_000L / perMinute;
        this.next = System.nanoTime();
    }

    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, next);
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
