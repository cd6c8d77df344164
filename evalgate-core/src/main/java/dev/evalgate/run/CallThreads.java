package dev.evalgate.run;

import dev.evalgate.error.ConfigException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads a run's calls are made on, the same for the warm-ups and the measured run so both exercise one code
 * path.
 *
 * <p>Up to {@link #PLATFORM_LIMIT} calls at once run on a pool of platform threads, one per call in flight. A
 * platform thread blocked reading a socket is woken by the kernel when the answer arrives; a virtual thread is woken
 * by the JDK's poller thread and then waits for a carrier, two hand-offs whose delay lands inside the measured time.
 * On a 2-core machine that put 1-5 ms more on a streamed answer's p95 (time to first token and latency) at
 * concurrency 10. Above the limit calls run on virtual threads: there the kernel's wake-up per answer costs more
 * than the precision is worth (at concurrency 100, platform threads took 15% more CPU and 1.6 times the context
 * switches, as the poller wakes many virtual threads at once) and gained nothing measurable at concurrency 50, where
 * the cores themselves are the wait. docs/benchmarks.md has the figures.
 */
final class CallThreads {

    /** The most calls in flight that get a platform thread each. */
    static final int PLATFORM_LIMIT = 32;

    /** {@code -Devalgate.call-threads=virtual} (or {@code platform}) overrides the choice, to compare the two. */
    private static final String OVERRIDE = System.getProperty("evalgate.call-threads", "");

    private CallThreads() {
    }

    /** An executor for at most {@code inFlight} calls at once, each task being one call (or one loop of calls). */
    static ExecutorService forCalls(int inFlight) {
        int threads = Math.max(1, inFlight);
        return platform(OVERRIDE, threads)
                ? Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("evalgate-call-", 1).factory())
                : Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Refuses a mistyped {@code -Devalgate.call-threads}, before a run has started anything. */
    static void check() {
        platform(OVERRIDE, 1);
    }

    /** Whether {@code threads} calls at once get platform threads, {@code override} being the property's value. */
    static boolean platform(String override, int threads) {
        return switch (override) {
            case "platform" -> true;
            case "virtual" -> false;
            case "" -> threads <= PLATFORM_LIMIT;
            default -> throw new ConfigException("-Devalgate.call-threads=" + override + " is not a choice of threads:"
                    + " use platform or virtual, or leave the property out to let evalgate choose");
        };
    }
}
