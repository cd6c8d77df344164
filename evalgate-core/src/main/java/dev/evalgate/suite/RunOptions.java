package dev.evalgate.suite;

import java.time.Duration;

/**
 * How a suite is run, from its {@code run:} section, before command-line overrides.
 *
 * @param concurrency calls in flight per target
 * @param timeout     longest wait for one attempt of one call
 * @param retries     extra attempts after a retriable failure (429, 5xx, reset, timeout)
 * @param repeat      K: calls per case per target; per-case results are averaged over them
 * @param seed        seeds sampling, retry jitter and anything else random
 * @param limit       run only the first N cases; 0 for all
 * @param sample      run a stratified random sample of N cases; 0 for all
 * @param warmup      calls per target made before the measured run and then discarded (connections, JIT); 0 for none
 * @param warmHarness whether evalgate warms its own code before the measured run without billed calls
 */
public record RunOptions(int concurrency, Duration timeout, int retries, int repeat, long seed, int limit, int sample,
                         int warmup, boolean warmHarness) {

    public static final RunOptions DEFAULT = new RunOptions(16, Duration.ofSeconds(60), 3, 1, 1, 0, 0, 0, true);

    /** Options that warm the harness, as a suite does unless it says otherwise. */
    public RunOptions(int concurrency, Duration timeout, int retries, int repeat, long seed, int limit, int sample,
                      int warmup) {
        this(concurrency, timeout, retries, repeat, seed, limit, sample, warmup, true);
    }

    public RunOptions withConcurrency(int value) {
        return new RunOptions(value, timeout, retries, repeat, seed, limit, sample, warmup, warmHarness);
    }

    public RunOptions withLimit(int value) {
        return new RunOptions(concurrency, timeout, retries, repeat, seed, value, sample, warmup, warmHarness);
    }

    public RunOptions withSample(int value, long seedValue) {
        return new RunOptions(concurrency, timeout, retries, repeat, seedValue, limit, value, warmup, warmHarness);
    }
}
