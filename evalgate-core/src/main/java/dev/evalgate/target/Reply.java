package dev.evalgate.target;

import dev.evalgate.tools.ToolCall;

import java.util.List;

/**
 * What a target answered: the text, the tools it asked to call, and, when the target knows them, the tokens it used,
 * for a streamed answer when its first token arrived, and for an answer over the network how long it was on the wire.
 *
 * @param usage     null when the target does not report tokens
 * @param toolCalls the tool calls of this answer, in order; empty for a final answer
 * @param stream    null unless the answer was streamed
 * @param wireMs    from the request's last byte handed to the connection to the answer's last byte read off it, in
 *                  ms; NaN when the target has no wire (in-process code, a worker process) or the reply was cached.
 *                  When known it is the call's latency: the target's time, without the client's building and parsing
 */
public record Reply(String text, TokenUsage usage, List<ToolCall> toolCalls, StreamTiming stream, double wireMs) {

    public Reply {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (!Double.isNaN(wireMs) && (wireMs < 0 || Double.isInfinite(wireMs))) {
            throw new IllegalArgumentException("wire time must be a finite number of ms >= 0 or NaN, got " + wireMs);
        }
    }

    /** An answer whose time on the wire is not known. */
    public Reply(String text, TokenUsage usage, List<ToolCall> toolCalls, StreamTiming stream) {
        this(text, usage, toolCalls, stream, Double.NaN);
    }

    /** An answer that may call tools and was not streamed. */
    public Reply(String text, TokenUsage usage, List<ToolCall> toolCalls) {
        this(text, usage, toolCalls, null);
    }

    /** A streamed answer without tool calls. */
    public Reply(String text, TokenUsage usage, StreamTiming stream) {
        this(text, usage, List.of(), stream);
    }

    /** An answer that was not streamed and calls no tool. */
    public Reply(String text, TokenUsage usage) {
        this(text, usage, List.of(), null);
    }

    public static Reply of(String text) {
        return new Reply(text, null);
    }

    public static Reply of(String text, long inputTokens, long outputTokens) {
        return new Reply(text, new TokenUsage(inputTokens, outputTokens));
    }

    /** The same answer with its text replaced, its usage, tool calls and timing kept. */
    public Reply withText(String replaced) {
        return new Reply(replaced, usage, toolCalls, stream, wireMs);
    }

    /** The same answer with the time it spent on the wire. */
    public Reply onWire(double ms) {
        return new Reply(text, usage, toolCalls, stream, ms);
    }

    /**
     * The same answer without stream or wire timing, as a cached copy is: no call was made, so there is no first
     * token and no time on the wire.
     */
    public Reply untimed() {
        return stream == null && Double.isNaN(wireMs) ? this : new Reply(text, usage, toolCalls, null, Double.NaN);
    }
}
