package dev.evalgate.target;

import dev.evalgate.error.TargetException;
import dev.evalgate.run.CallError;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every target needs around its one method: timing at the call boundary, a concurrency limit, an optional
 * rate limit, a per-attempt timeout, and retries with exponential backoff and jitter for retriable failures.
 *
 * <p>It never throws for a failed call: errors come back in {@link Attempted} so the run goes on.
 */
public final class ResilientCaller implements AutoCloseable {

    private final Target target;
    private final CallPolicy policy;
    private final Semaphore slots;
    private final RateLimiter rateLimiter;
    private final ExecutorService timeoutExecutor;
    private final SplittableRandom jitterSeed;

    public ResilientCaller(Target target, CallPolicy policy) {
        this.target = target;
        this.policy = policy;
        this.slots = new Semaphore(Math.min(policy.concurrency(), Math.max(1, target.maxConcurrency())), true);
        this.rateLimiter = policy.requestsPerMinute() > 0 ? new RateLimiter(policy.requestsPerMinute()) : null;
        // an interruptible target is timed out on the caller's own thread (CallDeadline), any other on a thread of its own
        this.timeoutExecutor = policy.timeout().isZero() || target instanceof Interruptible ? null
                : Executors.newVirtualThreadPerTaskExecutor();
        this.jitterSeed = new SplittableRandom(policy.seed());
    }

    public Target target() {
        return target;
    }

    /** Calls the target until it answers, fails fatally, or runs out of retries. */
    public Attempted call(Request request) throws InterruptedException {
        SplittableRandom jitter;
        synchronized (jitterSeed) {
            jitter = jitterSeed.split();
        }
        int attempts = 0;
        while (true) {
            attempts++;
            long start = 0;
            long end;
            Throwable failure;
            slots.acquire();
            try {
                if (rateLimiter != null) {
                    rateLimiter.acquire();
                }
                start = System.nanoTime();
                Reply reply = invoke(request);
                end = System.nanoTime();
                return new Attempted(reply, null, latency(reply, millis(end - start)), attempts);
            } catch (TimeoutException e) {
                end = start + policy.timeout().toNanos();
                failure = TargetException.retriable("timeout", "no answer within " + format(policy.timeout()));
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable e) {
                end = System.nanoTime();
                failure = e;
            } finally {
                slots.release();
            }
            double latency = millis(end - start);
            boolean retriable = failure instanceof TargetException te && te.retriable();
            if (!retriable || attempts > policy.retries()) {
                return new Attempted(null, describe(failure), latency, attempts);
            }
            Thread.sleep(backoff(attempts, failure, jitter).toMillis());
        }
    }

    /**
     * A call's latency: its time on the wire when the target measured one (so the client's request building, thread
     * hand-offs and parsing are not the target's latency), else the whole call as this caller timed it.
     */
    static double latency(Reply reply, double calledMs) {
        double wire = reply == null ? Double.NaN : reply.wireMs();
        return Double.isNaN(wire) ? calledMs : Math.min(wire, calledMs);
    }

    private Reply invoke(Request request) throws Exception {
        if (policy.timeout().isZero()) {
            return target.call(request);
        }
        if (timeoutExecutor == null) {
            return CallDeadline.call(() -> target.call(request), policy.timeout());
        }
        Future<Reply> future = timeoutExecutor.submit(() -> target.call(request));
        try {
            return future.get(policy.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            // Unwrapped so the error is named by what the target threw, as it is when no timeout is set.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : new RuntimeException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** Exponential backoff with equal jitter (half the ceiling plus a random share of the other half), or the server's Retry-After when it gave one; both capped. */
    Duration backoff(int attempt, Throwable failure, SplittableRandom jitter) {
        if (failure instanceof TargetException.Retriable r && r.retryAfter().isPresent()) {
            Duration asked = r.retryAfter().get();
            if (asked.isNegative()) {
                return Duration.ZERO; // a plugin's date in the past; Thread.sleep would throw on a negative wait
            }
            return asked.compareTo(policy.backoffMax()) > 0 ? policy.backoffMax() : asked;
        }
        long base = policy.backoffBase().toMillis();
        long ceiling = Math.min(policy.backoffMax().toMillis(), base << Math.min(attempt - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (half > 0 ? jitter.nextLong(half + 1) : 0));
    }

    static CallError describe(Throwable failure) {
        if (failure instanceof TargetException te) {
            return new CallError(te.kind(), te.getMessage());
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new CallError(failure.getClass().getSimpleName(), message);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        if (timeoutExecutor != null) {
            timeoutExecutor.shutdownNow();
        }
        target.close();
    }
}
