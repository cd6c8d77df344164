package dev.evalgate.target;

/**
 * When a streamed answer arrived: the time to its first token and how long the rest took, both read where the
 * bytes come off the connection, so the client's own parsing is not counted as the target's.
 *
 * @param ttftMs       from the request being fully written to the arrival of the first piece of content, in ms
 * @param generationMs from that first piece of content to the end of the stream, in ms
 */
public record StreamTiming(double ttftMs, double generationMs) {

    public StreamTiming {
        if (!(ttftMs >= 0) || Double.isInfinite(ttftMs) || !(generationMs >= 0) || Double.isInfinite(generationMs)) {
            throw new IllegalArgumentException("stream times must be finite numbers of ms >= 0, got ttft " + ttftMs
                    + " and generation " + generationMs);
        }
    }

    /**
     * Output tokens per second of generation, {@code outputTokens / generation time}; NaN when the provider counted
     * no tokens or the whole answer came in one piece (no time to divide by).
     */
    public double outputTokensPerSecond(TokenUsage usage) {
        if (usage == null || usage.output() <= 0 || !(generationMs > 0)) {
            return Double.NaN;
        }
        return usage.output() / (generationMs / 1000.0);
    }
}
