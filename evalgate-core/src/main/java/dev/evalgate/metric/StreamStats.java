package dev.evalgate.metric;

/**
 * How a target's streamed answers arrived: time to first token with the same percentiles and p95 interval as
 * latency, and the median output tokens per second of generation.
 *
 * <p>Only live streamed calls count: cached answers and failed calls have no first token.
 *
 * @param ttft                         time to first token in ms, over the streamed calls
 * @param outputTokensPerSecondP50     median over the streamed calls whose tokens and generation time are known;
 *                                     NaN when none are
 */
public record StreamStats(LatencyStats ttft, double outputTokensPerSecondP50) {
}
