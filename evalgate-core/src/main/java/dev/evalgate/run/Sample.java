package dev.evalgate.run;

import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.target.StreamTiming;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.tools.Exchange;

import java.util.List;

/**
 * One call of one target on one case (repeat {@code repeat} of K), and how it scored.
 *
 * @param rawOutput  the text the target returned; null on error
 * @param output     the value scored, after the target's output transform; null on error
 * @param value      mean of the scores' values; 0 on error
 * @param latencyMs  wall time of the successful (or last) attempt at the call boundary, in milliseconds; NaN when
 *                   no call reached the target (a cached answer, or an error before the call such as a prompt
 *                   that could not be rendered)
 * @param usage      tokens, or null when the target does not report them
 * @param costUsd    cost of the call in US dollars, or null when unknown (never 0 for unknown)
 * @param attempts   1 plus the number of retries
 * @param error      why the call failed; null unless {@code outcome} is ERROR
 * @param cached     the output came from the response cache: no call was made, so {@code latencyMs} is NaN and the
 *                   sample is left out of latency statistics
 * @param exchange   the conversation behind the output when the case ran as one (turns, model calls, tool calls);
 *                   null for a single call. {@code latencyMs}, {@code usage} and {@code costUsd} are then its sums
 * @param stream     time to first token and generation time of a streamed answer; null when the answer was not
 *                   streamed, came from the cache, or the call failed
 */
public record Sample(int repeat, String rawOutput, String output, Outcome outcome, double value, List<Score> scores,
                     double latencyMs, TokenUsage usage, Double costUsd, int attempts, CallError error,
                     boolean cached, Exchange exchange, StreamTiming stream) {

    public Sample {
        scores = List.copyOf(scores);
        if (cached) {
            stream = null; // no call was made, so there was no first token
        }
    }

    /** A sample of a conversation, not streamed. */
    public Sample(int repeat, String rawOutput, String output, Outcome outcome, double value, List<Score> scores,
                  double latencyMs, TokenUsage usage, Double costUsd, int attempts, CallError error,
                  boolean cached, Exchange exchange) {
        this(repeat, rawOutput, output, outcome, value, scores, latencyMs, usage, costUsd, attempts, error, cached,
                exchange, null);
    }

    /** A sample of a single call that may have streamed. */
    public Sample(int repeat, String rawOutput, String output, Outcome outcome, double value, List<Score> scores,
                  double latencyMs, TokenUsage usage, Double costUsd, int attempts, CallError error,
                  boolean cached, StreamTiming stream) {
        this(repeat, rawOutput, output, outcome, value, scores, latencyMs, usage, costUsd, attempts, error, cached,
                null, stream);
    }

    /** A sample of a single call that did not stream. */
    public Sample(int repeat, String rawOutput, String output, Outcome outcome, double value, List<Score> scores,
                  double latencyMs, TokenUsage usage, Double costUsd, int attempts, CallError error, boolean cached) {
        this(repeat, rawOutput, output, outcome, value, scores, latencyMs, usage, costUsd, attempts, error, cached,
                null, null);
    }

    /** A sample from a live call. */
    public Sample(int repeat, String rawOutput, String output, Outcome outcome, double value, List<Score> scores,
                  double latencyMs, TokenUsage usage, Double costUsd, int attempts, CallError error) {
        this(repeat, rawOutput, output, outcome, value, scores, latencyMs, usage, costUsd, attempts, error, false);
    }

    /**
     * Whether this sample has a latency: a call reached the target and was timed. Cached answers and errors that
     * stopped the case before any call have none, and statistics leave them out rather than count them as 0 ms.
     */
    public boolean timed() {
        return !cached && Double.isFinite(latencyMs);
    }

    /** The time to first token in ms, or NaN when the answer was not streamed live. */
    public double ttftMs() {
        return stream == null ? Double.NaN : stream.ttftMs();
    }

    /** Output tokens per second of a streamed answer's generation, or NaN (see {@link StreamTiming}). */
    public double outputTokensPerSecond() {
        return stream == null ? Double.NaN : stream.outputTokensPerSecond(usage);
    }
}
